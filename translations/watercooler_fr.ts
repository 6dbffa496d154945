<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity per week</source>
        <translation>Activité par semaine</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Membres actifs</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Evidence: %1</source>
        <translation>Éléments probants&#xa0;: %1</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2. See --help.</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: %2. Voir --help.</translation>
    </message>
    <message>
        <source>Open the community database at PATH (an SQLite file) or a postgresql:// URL.</source>
        <translation>Ouvre la base de données de la communauté située à CHEMIN (un fichier SQLite) ou à une URL postgresql://.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>Watercooler shows who talks with whom in your community, about what and how often.
Without a command it opens the main window.</source>
        <translation>Watercooler montre qui parle avec qui dans votre communauté, de quoi et à quelle fréquence.
Sans commande, la fenêtre principale s&apos;ouvre.</translation>
    </message>
    <message>
        <source>Optional command: %1.</source>
        <translation>Commande facultative&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Fill the database with a generated sample community.</source>
        <translation>Remplit la base de données avec une communauté d&apos;exemple générée.</translation>
    </message>
    <message>
        <source>Number of members (default 60).</source>
        <translation>Nombre de membres (60 par défaut).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of discussions (default 40, or posts/10 for large communities).</source>
        <translation>Nombre de discussions (40 par défaut, ou messages/10 pour les grandes communautés).</translation>
    </message>
    <message>
        <source>Number of posts (default 400).</source>
        <translation>Nombre de messages (400 par défaut).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same community.</source>
        <translation>Graine aléatoire&#xa0;; la même graine produit la même communauté.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Affiche le résumé au format JSON.</translation>
    </message>
    <message>
        <source>Generate a sample community.</source>
        <translation>Génère une communauté d&apos;exemple.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>--members needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--members attend un nombre entier supérieur à 0, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--posts needs a whole number, not &quot;%1&quot;.</source>
        <translation>--posts attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--discussions needs a whole number, not &quot;%1&quot;.</source>
        <translation>--discussions attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Created a sample community in %1:</source>
        <translation>Communauté d&apos;exemple créée dans %1&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>  %n member(s)</source>
        <translation>
            <numerusform>  %n membre</numerusform>
            <numerusform>  %n membres</numerusform>
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
            <numerusform>  %n message avec %1 mention(s)</numerusform>
            <numerusform>  %n messages avec %1 mention(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n feed(s) with %1 item(s)</source>
        <translation>
            <numerusform>  %n flux avec %1 élément(s)</numerusform>
            <numerusform>  %n flux avec %1 élément(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n maturity assessment(s)</source>
        <translation>
            <numerusform>  %n évaluation de maturité</numerusform>
            <numerusform>  %n évaluations de maturité</numerusform>
        </translation>
    </message>
    <message>
        <source>Working... %1%</source>
        <translation>Traitement en cours... %1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Active in the last 30 days</source>
        <translation>Actifs ces 30 derniers jours</translation>
    </message>
    <message>
        <source>Posts in the last 30 days</source>
        <translation>Messages ces 30 derniers jours</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Response rate (30 days)</source>
        <translation>Taux de réponse (30 jours)</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Top contributors (90 days)</source>
        <translation>Principaux contributeurs (90 jours)</translation>
    </message>
    <message>
        <source>Nothing to measure yet</source>
        <translation>Rien à mesurer pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript, and your community&apos;s activity shows up here.</source>
        <translation>Ajoutez un flux ou importez une transcription&#xa0;: l&apos;activité de votre communauté s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read from the database.</source>
        <translation>Les chiffres du tableau de bord n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message numerus="yes">
        <source>%n new in 30 days</source>
        <translation>
            <numerusform>%n nouveau en 30 jours</numerusform>
            <numerusform>%n nouveaux en 30 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of all members</source>
        <translation>%1&#xa0;% de l&apos;ensemble des membres</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 au total</translation>
    </message>
    <message numerus="yes">
        <source>%n without a reply (30 days)</source>
        <translation>
            <numerusform>%n sans réponse (30 jours)</numerusform>
            <numerusform>%n sans réponse (30 jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>of new discussions got a reply</source>
        <translation>des nouvelles discussions ont reçu une réponse</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n post(s)</source>
        <translation>
            <numerusform>%1 — %n message</numerusform>
            <numerusform>%1 — %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>Aucun fichier de base de données n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 est un dossier, et non un fichier de base de données.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>Impossible de créer %1&#xa0;: le dossier %2 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>Impossible de créer %1&#xa0;: le dossier %2 n&apos;est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>Impossible de lire %1&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <source>%1 is read-only: Watercooler needs to write to its database.</source>
        <translation>%1 est en lecture seule&#xa0;: Watercooler doit pouvoir écrire dans sa base de données.</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database.</source>
        <translation>%1 n&apos;est pas une base de données Watercooler.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Watercooler (schema %2; this version reads up to %3). Update Watercooler to open it.</source>
        <translation>%1 a été enregistré par une version plus récente de Watercooler (schéma %2&#xa0;; cette version lit jusqu&apos;au schéma %3). Mettez Watercooler à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database (%2).</source>
        <translation>%1 n&apos;est pas une base de données Watercooler (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>DiscussionsModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Last post</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>DiscussionsPane</name>
    <message>
        <source>Filter discussions by title</source>
        <translation>Filtrer les discussions par titre</translation>
    </message>
    <message>
        <source>Select a post to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <source>No discussions yet</source>
        <translation>Aucune discussion pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript to bring your community&apos;s conversations in.</source>
        <translation>Ajoutez un flux ou importez une transcription pour intégrer les conversations de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
</context>
<context>
    <name>FeedItemsModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Vous suivez déjà %1.</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last fetched: %1</source>
        <translation>Dernière récupération&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Statut HTTP&#xa0;: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Déplacé depuis %1</translation>
    </message>
</context>
<context>
    <name>FeedsPane</name>
    <message>
        <source>Select an item to read it.</source>
        <translation>Sélectionnez un élément pour le lire.</translation>
    </message>
    <message>
        <source>No feeds yet</source>
        <translation>Aucun flux pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed to follow your community&apos;s blogs, forums and podcasts.</source>
        <translation>Ajoutez un flux pour suivre les blogs, forums et podcasts de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>Ouvrir l&apos;original</translation>
    </message>
</context>
<context>
    <name>Framework</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>A framework needs a key and a name.</source>
        <translation>Un référentiel doit avoir une clé et un nom.</translation>
    </message>
    <message>
        <source>Framework %1 has no stages.</source>
        <translation>Le référentiel %1 n&apos;a aucune étape.</translation>
    </message>
    <message>
        <source>A competency of %1 has no key or name.</source>
        <translation>Une compétence de %1 n&apos;a ni clé ni nom.</translation>
    </message>
    <message>
        <source>Competency %1 needs one criterion per stage (%2).</source>
        <translation>La compétence %1 doit avoir un critère par étape (%2).</translation>
    </message>
    <message>
        <source>Framework %1 has no competencies.</source>
        <translation>Le référentiel %1 n&apos;a aucune compétence.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturité</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>&amp;Ouvrir une base de données...</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>&amp;Nouvelle base de données...</translation>
    </message>
    <message>
        <source>Open &amp;Sample Community</source>
        <translation>Ouvrir la &amp;communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Watercooler</source>
        <translation>À &amp;propos de Watercooler</translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation>Communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>The community database this window shows</source>
        <translation>La base de données de communauté affichée dans cette fenêtre</translation>
    </message>
    <message>
        <source>Watercooler</source>
        <translation>Watercooler</translation>
    </message>
    <message>
        <source>Cannot open the community database</source>
        <translation>Impossible d&apos;ouvrir la base de données de la communauté</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Open Community Database</source>
        <translation>Ouvrir une base de données de communauté</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données Watercooler (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New Community Database</source>
        <translation>Nouvelle base de données de communauté</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite)</source>
        <translation>Bases de données Watercooler (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation>%1 existe déjà. Utilisez «&#xa0;Ouvrir une base de données&#xa0;» pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>The sample community is already open.</source>
        <translation>La communauté d&apos;exemple est déjà ouverte.</translation>
    </message>
    <message>
        <source>Creating the sample community...</source>
        <translation>Création de la communauté d&apos;exemple...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The sample community could not be created: %1</source>
        <translation>La communauté d&apos;exemple n&apos;a pas pu être créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>About Watercooler</source>
        <translation>À propos de Watercooler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Knowledge isn&apos;t in our heads, it is between us.&lt;/p&gt;&lt;p&gt;Watercooler shows who talks with whom in your community, about what, how often, and how healthy the community is, from data you own, on your own desktop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Le savoir n&apos;est pas dans nos têtes, il est entre nous.&lt;/p&gt;&lt;p&gt;Watercooler montre qui parle avec qui dans votre communauté, de quoi, à quelle fréquence et à quel point la communauté est en bonne santé, à partir de données qui vous appartiennent, sur votre propre ordinateur.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MaturityPane</name>
    <message>
        <source>Assessment:</source>
        <translation>Évaluation&#xa0;:</translation>
    </message>
    <message>
        <source>No assessments yet</source>
        <translation>Aucune évaluation pour l&apos;instant</translation>
    </message>
    <message>
        <source>Score your community against the Community Maturity Model to see where it stands and where to grow next.</source>
        <translation>Évaluez votre communauté selon le Community Maturity Model pour voir où elle en est et dans quelle direction la faire progresser.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · overall %2 of %3 · scored by %4</source>
        <translation>%1 · note globale %2 sur %3 · évaluée par %4</translation>
    </message>
</context>
<context>
    <name>MaturityRadarChart</name>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>Pseudonymes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Réponses données</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Réponses reçues</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première apparition</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Dernière activité</translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message>
        <source>Filter by name, handle or tag</source>
        <translation>Filtrer par nom, pseudonyme ou étiquette</translation>
    </message>
    <message>
        <source>Select a member to see their identities, tags, notes and recent posts.</source>
        <translation>Sélectionnez un membre pour voir ses identités, étiquettes, notes et messages récents.</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Aucun membre pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript: the people who write there become the members of your community.</source>
        <translation>Ajoutez un flux ou importez une transcription&#xa0;: les personnes qui y écrivent deviennent les membres de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>%1+ members</source>
        <translation>%1+ membres</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Réponses données</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Réponses reçues</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Mentionné</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première apparition</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Talks most with</source>
        <translation>Échange le plus avec</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Messages récents</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>Aucun message pour l&apos;instant.</translation>
    </message>
    <message>
        <source>The member&apos;s details could not be read from the database.</source>
        <translation>Les informations du membre n’ont pas pu être lues dans la base de données.</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>This database holds other data and is not a Watercooler database.</source>
        <translation>Cette base de données contient d&apos;autres données et n&apos;est pas une base de données Watercooler.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Impossible de lire la migration %1.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 failed: %2</source>
        <translation>La mise à niveau de la base de données vers la version %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the community database</source>
        <translation>Impossible d&apos;ouvrir la base de données de la communauté</translation>
    </message>
</context>
<context>
    <name>SqlQuery</name>
    <message>
        <source>Database error: %1 (in: %2)</source>
        <translation>Erreur de base de données&#xa0;: %1 (dans&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Membre supprimé</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not save the changes: %1</source>
        <translation>Impossible d&apos;enregistrer les modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>The changes were not saved because a step of them failed.</source>
        <translation>Les modifications n’ont pas été enregistrées, car l’une de leurs étapes a échoué.</translation>
    </message>
</context>
</TS>
