<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
</TS>
