// Runs the undo and redo steps of a member edit and turns failures into messages.
#include "membercommand.h"

#include "storageerror.h"

MemberCommand::MemberCommand(const QString &text, Step undo, Step redo, ErrorHandler onError)
    : QUndoCommand(text)
    , m_undo(std::move(undo))
    , m_redo(std::move(redo))
    , m_onError(std::move(onError))
{}

void MemberCommand::undo()
{
    run(m_undo);
}

void MemberCommand::redo()
{
    if (m_done) {
        m_done = false; // QUndoStack::push() calls redo() for an edit that is already made
        return;
    }
    run(m_redo);
}

void MemberCommand::run(const Step &step)
{
    try {
        step();
    } catch (const StorageError &error) {
        setObsolete(true);
        if (m_onError)
            m_onError(error.message());
    }
}
