<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddFeedDialog</name>
    <message numerus="yes">
        <source>Found %n feed(s).</source>
        <translation>
            <numerusform>Found %n feed.</numerusform>
            <numerusform>Found %n feeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You follow %n of them already.</source>
        <translation>
            <numerusform>You follow %n of them already.</numerusform>
            <numerusform>You follow %n of them already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n Feed(s)</source>
        <translation>
            <numerusform>Add %n Feed</numerusform>
            <numerusform>Add %n Feeds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>  %n member(s)</source>
        <translation>
            <numerusform>  %n member</numerusform>
            <numerusform>  %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n discussion(s)</source>
        <translation>
            <numerusform>  %n discussion</numerusform>
            <numerusform>  %n discussions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n post(s) with %1 mention(s)</source>
        <translation>
            <numerusform>  %n post with %1 mention(s)</numerusform>
            <numerusform>  %n posts with %1 mention(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n feed(s) with %1 item(s)</source>
        <translation>
            <numerusform>  %n feed with %1 item(s)</numerusform>
            <numerusform>  %n feeds with %1 item(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n maturity assessment(s)</source>
        <translation>
            <numerusform>  %n maturity assessment</numerusform>
            <numerusform>  %n maturity assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  Total: %n row(s)</source>
        <translation>
            <numerusform>  Total: %n row</numerusform>
            <numerusform>  Total: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>Added %n feed.</numerusform>
            <numerusform>Added %n feeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new: %n item(s)</source>
        <translation>
            <numerusform>new: %n item</numerusform>
            <numerusform>new: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n member(s) into %1 (merge %2): </source>
        <translation>
            <numerusform>Merged %n member into %1 (merge %2): </numerusform>
            <numerusform>Merged %n members into %1 (merge %2): </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n new comment(s)</source>
        <translation>
            <numerusform>; %n new comment</numerusform>
            <numerusform>; %n new comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n comment feed(s) failed</source>
        <translation>
            <numerusform>; %n comment feed failed</numerusform>
            <numerusform>; %n comment feeds failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n row(s):</source>
        <translation>
            <numerusform>Skipped %n row:</numerusform>
            <numerusform>Skipped %n rows:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... and %n more.</numerusform>
            <numerusform>... and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, delimiter &quot;%3&quot;): %n row(s) to import; nothing stored.</source>
        <translation>
            <numerusform>%1 (%2, delimiter &quot;%3&quot;): %n row to import; nothing stored.</numerusform>
            <numerusform>%1 (%2, delimiter &quot;%3&quot;): %n rows to import; nothing stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) from %1: </source>
        <translation>
            <numerusform>Imported %n row from %1: </numerusform>
            <numerusform>Imported %n rows from %1: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) matched, </source>
        <translation>
            <numerusform>%n member matched, </numerusform>
            <numerusform>%n members matched, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created.</source>
        <translation>
            <numerusform>%n created.</numerusform>
            <numerusform>%n created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new post(s), </source>
        <translation>
            <numerusform>%n new post, </numerusform>
            <numerusform>%n new posts, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n updated, </numerusform>
            <numerusform>%n updated, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new discussion(s), </source>
        <translation>
            <numerusform>%n new discussion, </numerusform>
            <numerusform>%n new discussions, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created.</source>
        <translation>
            <numerusform>%n member created.</numerusform>
            <numerusform>%n members created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s)</source>
        <translation>
            <numerusform>Imported %n message</numerusform>
            <numerusform>Imported %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created, </source>
        <translation>
            <numerusform>%n member created, </numerusform>
            <numerusform>%n members created, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s).</source>
        <translation>
            <numerusform>%n mention.</numerusform>
            <numerusform>%n mentions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n member to %1.</numerusform>
            <numerusform>Wrote %n members to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n post to %1.</numerusform>
            <numerusform>Wrote %n posts to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n older item(s) to keep the newest %1.</source>
        <translation>
            <numerusform>Removed %n older item to keep the newest %1.</numerusform>
            <numerusform>Removed %n older items to keep the newest %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... and %n more.</numerusform>
            <numerusform>... and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be imported</source>
        <translation>
            <numerusform>%n row will be imported</numerusform>
            <numerusform>%n rows will be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped.</source>
        <translation>
            <numerusform>%n row skipped.</numerusform>
            <numerusform>%n rows skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member row(s): </source>
        <translation>
            <numerusform>Imported %n member row: </numerusform>
            <numerusform>Imported %n member rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched, </source>
        <translation>
            <numerusform>%n matched, </numerusform>
            <numerusform>%n matched, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created, </source>
        <translation>
            <numerusform>%n created, </numerusform>
            <numerusform>%n created, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n skipped.</numerusform>
            <numerusform>%n skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n post row(s): </source>
        <translation>
            <numerusform>Imported %n post row: </numerusform>
            <numerusform>Imported %n post rows: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new, </source>
        <translation>
            <numerusform>%n new, </numerusform>
            <numerusform>%n new, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n updated, </numerusform>
            <numerusform>%n updated, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message numerus="yes">
        <source>%n new in 30 days</source>
        <translation>
            <numerusform>%n new in 30 days</numerusform>
            <numerusform>%n new in 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a reply (30 days)</source>
        <translation>
            <numerusform>%n without a reply (30 days)</numerusform>
            <numerusform>%n without a reply (30 days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n post(s)</source>
        <translation>
            <numerusform>%1 — %n post</numerusform>
            <numerusform>%1 — %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n suggestion(s). Pick one and merge; you choose which member to keep.</source>
        <translation>
            <numerusform>%n suggestion. Pick one and merge; you choose which member to keep.</numerusform>
            <numerusform>%n suggestions. Pick one and merge; you choose which member to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngagementSettingsDialog</name>
    <message numerus="yes">
        <source>Score = %1, over the last %n day(s). Exploring below %2, Participating from %2, Contributing from %3, Leading from %4.</source>
        <translation>
            <numerusform>Score = %1, over the last %n day. Exploring below %2, Participating from %2, Contributing from %3, Leading from %4.</numerusform>
            <numerusform>Score = %1, over the last %n days. Exploring below %2, Participating from %2, Contributing from %3, Leading from %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseMemberDialog</name>
    <message numerus="yes">
        <source>Keep their %n post(s), shown as written by a deleted member</source>
        <translation>
            <numerusform>Keep their %n post, shown as written by a deleted member</numerusform>
            <numerusform>Keep their %n posts, shown as written by a deleted member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove their %n post(s) as well</source>
        <translation>
            <numerusform>Remove their %n post as well</numerusform>
            <numerusform>Remove their %n posts as well</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedPropertiesDialog</name>
    <message numerus="yes">
        <source>The feed asks not to be fetched more often than every %n minute(s); the longer wait wins.</source>
        <translation>
            <numerusform>The feed asks not to be fetched more often than every %n minute; the longer wait wins.</numerusform>
            <numerusform>The feed asks not to be fetched more often than every %n minutes; the longer wait wins.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedsPane</name>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>Added %n feed.</numerusform>
            <numerusform>Added %n feeds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) you already follow were skipped.</source>
        <translation>
            <numerusform>%n feed you already follow was skipped.</numerusform>
            <numerusform>%n feeds you already follow were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) without a web address were skipped.</source>
        <translation>
            <numerusform>%n entry without a web address was skipped.</numerusform>
            <numerusform>%n entries without a web address were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n new item</numerusform>
            <numerusform>%n new items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) failed; see their tooltips</source>
        <translation>
            <numerusform>%n feed failed; see its tooltip</numerusform>
            <numerusform>%n feeds failed; see their tooltips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so the sender cannot see that you read this.</source>
        <translation>
            <numerusform>%n remote image not loaded, so the sender cannot see that you read this.</numerusform>
            <numerusform>%n remote images not loaded, so the sender cannot see that you read this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new comment(s)</source>
        <translation>
            <numerusform>%n new comment</numerusform>
            <numerusform>%n new comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment feed(s) could not be read</source>
        <translation>
            <numerusform>%n comment feed could not be read</numerusform>
            <numerusform>%n comment feeds could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Copied %n row(s) to %1.</source>
        <translation>
            <numerusform>Copied %n row to %1.</numerusform>
            <numerusform>Copied %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activity in the %n day(s) up to %1:</source>
        <translation>
            <numerusform>Activity in the %n day up to %1:</numerusform>
            <numerusform>Activity in the %n days up to %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)? Their posts stay without an author. Edit ▸ Undo brings them back.</source>
        <translation>
            <numerusform>Delete %n member? Their posts stay without an author. Edit ▸ Undo brings them back.</numerusform>
            <numerusform>Delete %n members? Their posts stay without an author. Edit ▸ Undo brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)</source>
        <translation>
            <numerusform>Delete %n member</numerusform>
            <numerusform>Delete %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag the %n selected member(s) with:</source>
        <translation>
            <numerusform>Tag the %n selected member with:</numerusform>
            <numerusform>Tag the %n selected members with:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove this tag from the %n selected member(s):</source>
        <translation>
            <numerusform>Remove this tag from the %n selected member:</numerusform>
            <numerusform>Remove this tag from the %n selected members:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n member(s) with %1</source>
        <translation>
            <numerusform>Tag %n member with %1</numerusform>
            <numerusform>Tag %n members with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %n member(s)</source>
        <translation>
            <numerusform>Remove %1 from %n member</numerusform>
            <numerusform>Remove %1 from %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n member(s) into %1</source>
        <translation>
            <numerusform>Merge %n member into %1</numerusform>
            <numerusform>Merge %n members into %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeMembersDialog</name>
    <message numerus="yes">
        <source>%1 (%n post(s))</source>
        <translation>
            <numerusform>%1 (%n post)</numerusform>
            <numerusform>%1 (%n posts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message numerus="yes">
        <source>Imported %n message(s) into &quot;%1&quot;.</source>
        <translation>
            <numerusform>Imported %n message into &quot;%1&quot;.</numerusform>
            <numerusform>Imported %n messages into &quot;%1&quot;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n member to %1.</numerusform>
            <numerusform>Wrote %n members to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n post to %1.</numerusform>
            <numerusform>Wrote %n posts to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
