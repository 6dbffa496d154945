// An undoable edit of members for a QUndoStack: the edit has already been made when the command
// is pushed (so its errors reach the user before anything is on the stack); undo and redo call
// the inverse and the edit again, each one transaction.
#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

class MemberCommand final : public QUndoCommand
{
public:
    using Step = std::function<void()>;
    // Told about an undo or redo that failed (StorageError message); the command then becomes
    // obsolete and leaves the stack, since the database no longer matches it.
    using ErrorHandler = std::function<void(const QString &message)>;

    MemberCommand(const QString &text, Step undo, Step redo, ErrorHandler onError);

    void undo() override;
    void redo() override;

private:
    void run(const Step &step);

    Step m_undo;
    Step m_redo;
    ErrorHandler m_onError;
    bool m_done = true; // the edit was made before the push
};
