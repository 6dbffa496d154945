// Asks for the password of a feed when the system keychain cannot give it.
#pragma once

#include "feedsync.h"

#include <QCoreApplication>

class QWidget;

class FeedPasswordPrompt final
{
    Q_DECLARE_TR_FUNCTIONS(FeedPasswordPrompt)

public:
    // A password dialog for FeedSync::setPasswordSource(); nothing when the user cancels. The
    // password is only held in memory by the sync that asked.
    [[nodiscard]] static std::optional<QString> ask(const FeedPasswordRequest &request,
                                                    QWidget *parent);
};
