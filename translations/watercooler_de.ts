<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity per week</source>
        <translation>Aktivität pro Woche</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Aktive Mitglieder</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Evidence: %1</source>
        <translation>Belege: %1</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Kompetenz</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2. See --help.</source>
        <translation>Unbekannter Befehl „%1“. Befehle: %2. Siehe --help.</translation>
    </message>
    <message>
        <source>Open the community database at PATH (an SQLite file) or a postgresql:// URL.</source>
        <translation>Öffnet die Community-Datenbank unter PFAD (eine SQLite-Datei) oder unter einer postgresql://-URL.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Watercooler shows who talks with whom in your community, about what and how often.
Without a command it opens the main window.</source>
        <translation>Watercooler zeigt, wer in Ihrer Community mit wem spricht, worüber und wie oft.
Ohne Befehl wird das Hauptfenster geöffnet.</translation>
    </message>
    <message>
        <source>Optional command: %1.</source>
        <translation>Optionaler Befehl: %1.</translation>
    </message>
    <message>
        <source>Fill the database with a generated sample community.</source>
        <translation>Füllt die Datenbank mit einer generierten Beispiel-Community.</translation>
    </message>
    <message>
        <source>Number of members (default 60).</source>
        <translation>Anzahl der Mitglieder (Standard: 60).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of discussions (default 40, or posts/10 for large communities).</source>
        <translation>Anzahl der Diskussionen (Standard: 40, bei großen Communitys Beiträge/10).</translation>
    </message>
    <message>
        <source>Number of posts (default 400).</source>
        <translation>Anzahl der Beiträge (Standard: 400).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same community.</source>
        <translation>Startwert für den Zufallsgenerator; derselbe Startwert ergibt dieselbe Community.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Gibt die Zusammenfassung als JSON aus.</translation>
    </message>
    <message>
        <source>Generate a sample community.</source>
        <translation>Erzeugt eine Beispiel-Community.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--members needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--members erwartet eine ganze Zahl größer als 0, nicht „%1“.</translation>
    </message>
    <message>
        <source>--posts needs a whole number, not &quot;%1&quot;.</source>
        <translation>--posts erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>--discussions needs a whole number, not &quot;%1&quot;.</source>
        <translation>--discussions erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>Created a sample community in %1:</source>
        <translation>Beispiel-Community in %1 erstellt:</translation>
    </message>
    <message numerus="yes">
        <source>  %n member(s)</source>
        <translation>
            <numerusform>  %n Mitglied</numerusform>
            <numerusform>  %n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n discussion(s)</source>
        <translation>
            <numerusform>  %n Diskussion</numerusform>
            <numerusform>  %n Diskussionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n post(s) with %1 mention(s)</source>
        <translation>
            <numerusform>  %n Beitrag mit %1 Erwähnung(en)</numerusform>
            <numerusform>  %n Beiträge mit %1 Erwähnung(en)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n feed(s) with %1 item(s)</source>
        <translation>
            <numerusform>  %n Feed mit %1 Eintrag/Einträgen</numerusform>
            <numerusform>  %n Feeds mit %1 Eintrag/Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n maturity assessment(s)</source>
        <translation>
            <numerusform>  %n Reifegradbewertung</numerusform>
            <numerusform>  %n Reifegradbewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Working... %1%</source>
        <translation>Wird bearbeitet... %1 %</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Active in the last 30 days</source>
        <translation>Aktiv in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Posts in the last 30 days</source>
        <translation>Beiträge in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <source>Response rate (30 days)</source>
        <translation>Antwortquote (30 Tage)</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Top contributors (90 days)</source>
        <translation>Aktivste Mitglieder (90 Tage)</translation>
    </message>
    <message>
        <source>Nothing to measure yet</source>
        <translation>Noch nichts zu messen</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript, and your community&apos;s activity shows up here.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript, dann erscheint hier die Aktivität Ihrer Community.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read from the database.</source>
        <translation>Die Kennzahlen der Übersicht konnten nicht aus der Datenbank gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n new in 30 days</source>
        <translation>
            <numerusform>%n neu in 30 Tagen</numerusform>
            <numerusform>%n neu in 30 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of all members</source>
        <translation>%1 % aller Mitglieder</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message numerus="yes">
        <source>%n without a reply (30 days)</source>
        <translation>
            <numerusform>%n ohne Antwort (30 Tage)</numerusform>
            <numerusform>%n ohne Antwort (30 Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>of new discussions got a reply</source>
        <translation>der neuen Diskussionen erhielten eine Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n post(s)</source>
        <translation>
            <numerusform>%1 — %n Beitrag</numerusform>
            <numerusform>%1 — %n Beiträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>Es wurde keine Datenbankdatei angegeben.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht erstellt werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht erstellt werden: Der Ordner %2 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>%1 is read-only: Watercooler needs to write to its database.</source>
        <translation>%1 ist schreibgeschützt: Watercooler muss in seine Datenbank schreiben können.</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database.</source>
        <translation>%1 ist keine Watercooler-Datenbank.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Watercooler (schema %2; this version reads up to %3). Update Watercooler to open it.</source>
        <translation>%1 wurde mit einer neueren Version von Watercooler gespeichert (Schema %2; diese Version liest bis Schema %3). Aktualisieren Sie Watercooler, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database (%2).</source>
        <translation>%1 ist keine Watercooler-Datenbank (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DiscussionsModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Last post</source>
        <translation>Letzter Beitrag</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
</context>
<context>
    <name>DiscussionsPane</name>
    <message>
        <source>Filter discussions by title</source>
        <translation>Diskussionen nach Titel filtern</translation>
    </message>
    <message>
        <source>Select a post to read it.</source>
        <translation>Wählen Sie einen Beitrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>No discussions yet</source>
        <translation>Noch keine Diskussionen</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript to bring your community&apos;s conversations in.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript, um die Gespräche Ihrer Community einzubinden.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
</context>
<context>
    <name>FeedItemsModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Sie folgen %1 bereits.</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last fetched: %1</source>
        <translation>Zuletzt abgerufen: %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Umgezogen von %1</translation>
    </message>
</context>
<context>
    <name>FeedsPane</name>
    <message>
        <source>Select an item to read it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>No feeds yet</source>
        <translation>Noch keine Feeds</translation>
    </message>
    <message>
        <source>Add a feed to follow your community&apos;s blogs, forums and podcasts.</source>
        <translation>Fügen Sie einen Feed hinzu, um den Blogs, Foren und Podcasts Ihrer Community zu folgen.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>Original öffnen</translation>
    </message>
</context>
<context>
    <name>Framework</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>A framework needs a key and a name.</source>
        <translation>Ein Framework benötigt einen Schlüssel und einen Namen.</translation>
    </message>
    <message>
        <source>Framework %1 has no stages.</source>
        <translation>Das Framework %1 hat keine Stufen.</translation>
    </message>
    <message>
        <source>A competency of %1 has no key or name.</source>
        <translation>Eine Kompetenz von %1 hat weder Schlüssel noch Namen.</translation>
    </message>
    <message>
        <source>Competency %1 needs one criterion per stage (%2).</source>
        <translation>Die Kompetenz %1 benötigt ein Kriterium pro Stufe (%2).</translation>
    </message>
    <message>
        <source>Framework %1 has no competencies.</source>
        <translation>Das Framework %1 hat keine Kompetenzen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Reifegrad</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>Datenbank ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>&amp;Neue Datenbank...</translation>
    </message>
    <message>
        <source>Open &amp;Sample Community</source>
        <translation>Beispiel-&amp;Community öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Watercooler</source>
        <translation>&amp;Über Watercooler</translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation>Beispiel-Community</translation>
    </message>
    <message>
        <source>The community database this window shows</source>
        <translation>Die Community-Datenbank, die dieses Fenster anzeigt</translation>
    </message>
    <message>
        <source>Watercooler</source>
        <translation>Watercooler</translation>
    </message>
    <message>
        <source>Cannot open the community database</source>
        <translation>Die Community-Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Community Database</source>
        <translation>Community-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db);;All files (*)</source>
        <translation>Watercooler-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Community Database</source>
        <translation>Neue Community-Datenbank</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite)</source>
        <translation>Watercooler-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation>%1 existiert bereits. Verwenden Sie „Datenbank öffnen“, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>The sample community is already open.</source>
        <translation>Die Beispiel-Community ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>Creating the sample community...</source>
        <translation>Beispiel-Community wird erstellt...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The sample community could not be created: %1</source>
        <translation>Die Beispiel-Community konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>About Watercooler</source>
        <translation>Über Watercooler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Knowledge isn&apos;t in our heads, it is between us.&lt;/p&gt;&lt;p&gt;Watercooler shows who talks with whom in your community, about what, how often, and how healthy the community is, from data you own, on your own desktop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Wissen steckt nicht in unseren Köpfen, es liegt zwischen uns.&lt;/p&gt;&lt;p&gt;Watercooler zeigt, wer in Ihrer Community mit wem spricht, worüber, wie oft und wie gesund die Community ist – auf Grundlage Ihrer eigenen Daten, direkt auf Ihrem Computer.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MaturityPane</name>
    <message>
        <source>Assessment:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>No assessments yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>Score your community against the Community Maturity Model to see where it stands and where to grow next.</source>
        <translation>Bewerten Sie Ihre Community anhand des Community Maturity Model, um zu sehen, wo sie steht und wo sie als Nächstes wachsen kann.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · overall %2 of %3 · scored by %4</source>
        <translation>%1 · insgesamt %2 von %3 · bewertet von %4</translation>
    </message>
</context>
<context>
    <name>MaturityRadarChart</name>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>Benutzernamen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Gegebene Antworten</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Erhaltene Antworten</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals gesehen</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message>
        <source>Filter by name, handle or tag</source>
        <translation>Nach Name, Benutzername oder Schlagwort filtern</translation>
    </message>
    <message>
        <source>Select a member to see their identities, tags, notes and recent posts.</source>
        <translation>Wählen Sie ein Mitglied aus, um seine Identitäten, Schlagwörter, Notizen und neuesten Beiträge zu sehen.</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Noch keine Mitglieder</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript: the people who write there become the members of your community.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript: Die Personen, die dort schreiben, werden zu Mitgliedern Ihrer Community.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>%1+ members</source>
        <translation>%1+ Mitglieder</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Gegebene Antworten</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Erhaltene Antworten</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Erwähnt</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals gesehen</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Talks most with</source>
        <translation>Spricht am meisten mit</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n Interaktion</numerusform>
            <numerusform>%n Interaktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Neueste Beiträge</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>Noch keine Beiträge.</translation>
    </message>
    <message>
        <source>The member&apos;s details could not be read from the database.</source>
        <translation>Die Angaben zum Mitglied konnten nicht aus der Datenbank gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>This database holds other data and is not a Watercooler database.</source>
        <translation>Diese Datenbank enthält andere Daten und ist keine Watercooler-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Migration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 failed: %2</source>
        <translation>Die Aktualisierung der Datenbank auf Version %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the community database</source>
        <translation>Die Community-Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>SqlQuery</name>
    <message>
        <source>Database error: %1 (in: %2)</source>
        <translation>Datenbankfehler: %1 (in: %2)</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Verfasst</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Gelöschtes Mitglied</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Die Transaktion konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not save the changes: %1</source>
        <translation>Die Änderungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The changes were not saved because a step of them failed.</source>
        <translation>Die Änderungen wurden nicht gespeichert, weil ein Schritt davon fehlgeschlagen ist.</translation>
    </message>
</context>
</TS>
