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
    <name>AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation>Ajouter un flux</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>Aucun dossier</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Récupérer aussi les commentaires de ses éléments</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Enter the address of the feed (http or https).</source>
        <translation>Saisissez l’adresse du flux (http ou https).</translation>
    </message>
    <message>
        <source>https://example.org/ or https://example.org/feed.xml</source>
        <translation>https://example.org/ ou https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>&amp;Find Feeds</source>
        <translation>&amp;Trouver des flux</translation>
    </message>
    <message>
        <source>List the feeds this web page offers</source>
        <translation>Lister les flux proposés par cette page web</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Feeds:</source>
        <translation>Flux&#xa0;:</translation>
    </message>
    <message>
        <source>Stopped looking for feeds.</source>
        <translation>Recherche de flux arrêtée.</translation>
    </message>
    <message>
        <source>Add Anyway subscribes to the address as it is; it is fetched with the next sync.</source>
        <translation>«&#xa0;Ajouter quand même&#xa0;» s’abonne à l’adresse telle quelle&#xa0;; elle sera récupérée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Untitled feed</source>
        <translation>Flux sans titre</translation>
    </message>
    <message>
        <source>%1 (already followed)</source>
        <translation>%1 (déjà suivi)</translation>
    </message>
    <message>
        <source>You follow this feed already.</source>
        <translation>Vous suivez déjà ce flux.</translation>
    </message>
    <message>
        <source>You already follow every feed found at %1.</source>
        <translation>Vous suivez déjà tous les flux trouvés à l’adresse %1.</translation>
    </message>
    <message>
        <source>This address is a feed.</source>
        <translation>Cette adresse est un flux.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n feed(s).</source>
        <translation>
            <numerusform>%n flux trouvé.</numerusform>
            <numerusform>%n flux trouvés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You follow %n of them already.</source>
        <translation>
            <numerusform>Vous en suivez déjà %n.</numerusform>
            <numerusform>Vous en suivez déjà %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the ones to follow.</source>
        <translation>Cochez ceux que vous voulez suivre.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message numerus="yes">
        <source>Add %n Feed(s)</source>
        <translation>
            <numerusform>Ajouter %n flux</numerusform>
            <numerusform>Ajouter %n flux</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <source>You already follow this feed.</source>
        <translation>Vous suivez déjà ce flux.</translation>
    </message>
    <message>
        <source>Enter the address of a feed, or of a web page to find the feeds it offers.</source>
        <translation>Saisissez l’adresse d’un flux, ou celle d’une page web pour trouver les flux qu’elle propose.</translation>
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
    <message>
        <source>Copy the whole community into another database, an SQLite file or a PostgreSQL server.</source>
        <translation>Copier toute la communauté dans une autre base de données, un fichier SQLite ou un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>The database to copy to: an SQLite file or a postgresql:// URL.</source>
        <translation>La base de données de destination&#xa0;: un fichier SQLite ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>CIBLE</translation>
    </message>
    <message>
        <source>Delete what the target holds first, instead of refusing a target that is not empty.</source>
        <translation>Supprimer d&apos;abord le contenu de la cible au lieu de refuser une cible qui n&apos;est pas vide.</translation>
    </message>
    <message>
        <source>Database commands.</source>
        <translation>Commandes de base de données.</translation>
    </message>
    <message>
        <source>Copy the community to --to.</source>
        <translation>Copier la communauté vers --to.</translation>
    </message>
    <message>
        <source>db copy needs --to TARGET: an SQLite file or a postgresql:// URL.</source>
        <translation>db copy nécessite --to CIBLE&#xa0;: un fichier SQLite ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>%1 is not empty; use --replace to overwrite it.</source>
        <translation>%1 n&apos;est pas vide&#xa0;; utilisez --replace pour l&apos;écraser.</translation>
    </message>
    <message>
        <source>Copied %1 to %2:</source>
        <translation>%1 copié vers %2&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>  Total: %n row(s)</source>
        <translation>
            <numerusform>  Total&#xa0;: %n ligne</numerusform>
            <numerusform>  Total&#xa0;: %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: %1 [--database PATH] db copy --to TARGET [--replace] [--json]</source>
        <translation>Utilisation&#xa0;: %1 [--database CHEMIN] db copy --to CIBLE [--replace] [--json]</translation>
    </message>
    <message>
        <source>Database commands: copy. See db copy --help.</source>
        <translation>Commandes de base de données&#xa0;: copy. Voir db copy --help.</translation>
    </message>
    <message>
        <source>db needs a command: copy. See db --help.</source>
        <translation>db nécessite une commande&#xa0;: copy. Voir db --help.</translation>
    </message>
    <message>
        <source>Unknown db command &quot;%1&quot;. Commands: copy. See db --help.</source>
        <translation>Commande db inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: copy. Voir db --help.</translation>
    </message>
    <message>
        <source>Put the feed in this folder (&quot;A/B&quot; nests).</source>
        <translation>Placer le flux dans ce dossier (« A/B » imbrique).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items.</source>
        <translation>Récupérer aussi les commentaires de ses éléments.</translation>
    </message>
    <message>
        <source>feeds add needs the feed&apos;s URL.</source>
        <translation>feeds add a besoin de l’URL du flux.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a feed address (http, https or file).</source>
        <translation>« %1 » n’est pas une adresse de flux (http, https ou file).</translation>
    </message>
    <message>
        <source>List the feed subscriptions.</source>
        <translation>Lister les abonnements aux flux.</translation>
    </message>
    <message>
        <source>Print them as JSON.</source>
        <translation>Les afficher en JSON.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>End a feed subscription. What it brought in stays.</source>
        <translation>Mettre fin à un abonnement. Ce qu’il a apporté est conservé.</translation>
    </message>
    <message>
        <source>The feed&apos;s id (see feeds list).</source>
        <translation>L’identifiant du flux (voir feeds list).</translation>
    </message>
    <message>
        <source>feeds remove needs a feed id (see feeds list).</source>
        <translation>feeds remove a besoin de l’identifiant d’un flux (voir feeds list).</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Il n’y a pas de flux %1.</translation>
    </message>
    <message>
        <source>Removed feed %1.</source>
        <translation>Flux %1 supprimé.</translation>
    </message>
    <message>
        <source>Subscribe to every feed of an OPML file (folders kept).</source>
        <translation>S’abonner à tous les flux d’un fichier OPML (dossiers conservés).</translation>
    </message>
    <message>
        <source>The OPML file.</source>
        <translation>Le fichier OPML.</translation>
    </message>
    <message>
        <source>feeds import-opml needs the OPML file.</source>
        <translation>feeds import-opml a besoin du fichier OPML.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n flux ajouté.</numerusform>
            <numerusform>%n flux ajoutés.</numerusform>
        </translation>
    </message>
    <message>
        <source>  already followed: %1</source>
        <translation>  déjà suivi : %1</translation>
    </message>
    <message>
        <source>  not a feed address, skipped: %1</source>
        <translation>  pas une adresse de flux, ignoré : %1</translation>
    </message>
    <message>
        <source>  listed twice, added once: %1</source>
        <translation>  listé deux fois, ajouté une fois : %1</translation>
    </message>
    <message>
        <source>Write every subscription, in its folders, to an OPML file.</source>
        <translation>Écrire tous les abonnements, dans leurs dossiers, dans un fichier OPML.</translation>
    </message>
    <message>
        <source>The OPML file to write.</source>
        <translation>Le fichier OPML à écrire.</translation>
    </message>
    <message>
        <source>feeds export-opml needs the file to write.</source>
        <translation>feeds export-opml a besoin du fichier à écrire.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 écrit.</translation>
    </message>
    <message>
        <source>Print it as JSON.</source>
        <translation>L’afficher en JSON.</translation>
    </message>
    <message>
        <source>%1 is larger than a feed may be.</source>
        <translation>%1 est plus grand qu’un flux ne peut l’être.</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format : %1</translation>
    </message>
    <message>
        <source>not a feed</source>
        <translation>pas un flux</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titre : %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Lien : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Error at %1:%2: %3</source>
        <translation>Erreur à %1:%2 : %3</translation>
    </message>
    <message>
        <source>%1 is not a feed.</source>
        <translation>%1 n’est pas un flux.</translation>
    </message>
    <message numerus="yes">
        <source>new: %n item(s)</source>
        <translation>
            <numerusform>nouveau : %n élément</numerusform>
            <numerusform>nouveaux : %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>not modified</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>moved to %1</source>
        <translation>déplacé vers %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Fetch the feeds that are due (or those given) and store what they bring.</source>
        <translation>Récupère les flux à actualiser (ou ceux indiqués) et enregistre ce qu’ils apportent.</translation>
    </message>
    <message>
        <source>Sync this feed (see feeds list); repeatable.</source>
        <translation>Synchroniser ce flux (voir feeds list) ; répétable.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fetch feeds once.</source>
        <translation>Récupérer les flux une fois.</translation>
    </message>
    <message>
        <source>--feed needs a feed id (see feeds list), not &quot;%1&quot;.</source>
        <translation>--feed attend un identifiant de flux (voir feeds list), pas « %1 ».</translation>
    </message>
    <message>
        <source>Show a feed file or address exactly as Watercooler reads it; nothing is stored.</source>
        <translation>Afficher un fichier ou une adresse de flux exactement comme Watercooler le lit ; rien n’est enregistré.</translation>
    </message>
    <message>
        <source>The feed file, or its http(s) address.</source>
        <translation>Le fichier de flux, ou son adresse http(s).</translation>
    </message>
    <message>
        <source>feeds parse needs a feed file or address.</source>
        <translation>feeds parse a besoin d’un fichier ou d’une adresse de flux.</translation>
    </message>
    <message>
        <source>Download the enclosures (podcast episodes) of a feed item. A download that was cut short is resumed.</source>
        <translation>Télécharger les pièces jointes (épisodes de podcast) d’un élément de flux. Un téléchargement interrompu est repris.</translation>
    </message>
    <message>
        <source>Save into this folder (default: the podcast download folder of the settings, else Music or Downloads).</source>
        <translation>Enregistrer dans ce dossier (par défaut&#xa0;: le dossier de téléchargement des podcasts défini dans les paramètres, sinon Musique ou Téléchargements).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>The item&apos;s id.</source>
        <translation>L’identifiant de l’élément.</translation>
    </message>
    <message>
        <source>feeds download needs a feed item id.</source>
        <translation>feeds download a besoin de l’identifiant d’un élément de flux.</translation>
    </message>
    <message>
        <source>There is no feed item %1 with an enclosure to download.</source>
        <translation>Il n’y a pas d’élément de flux %1 avec une pièce jointe à télécharger.</translation>
    </message>
    <message>
        <source>already downloaded</source>
        <translation>déjà téléchargé</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>repris</translation>
    </message>
    <message>
        <source>Sign in with this user name (HTTP Basic); the password is read from stdin or asked for, and kept in the system keychain.</source>
        <translation>Se connecter avec ce nom d’utilisateur (HTTP Basic)&#xa0;; le mot de passe est lu sur stdin ou demandé, puis conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Password of %1 for %2: </source>
        <translation>Mot de passe de %1 pour %2&#xa0;: </translation>
    </message>
    <message>
        <source>No password given, none saved for %1. Set it later with feeds set ID --user %1.</source>
        <translation>Aucun mot de passe saisi, aucun n’est enregistré pour %1. Définissez-le plus tard avec feeds set ID --user %1.</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the password was not saved. Give it to each sync in the environment variable WATERCOOLER_FEED_PASSWORD.</source>
        <translation>Le trousseau du système n’est pas disponible, le mot de passe n’a donc pas été enregistré. Fournissez-le à chaque synchronisation dans la variable d’environnement WATERCOOLER_FEED_PASSWORD.</translation>
    </message>
    <message>
        <source>The system keychain did not save the password: %1</source>
        <translation>Le trousseau du système n’a pas enregistré le mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web page address (http or https).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’adresse d’une page web (http ou https).</translation>
    </message>
    <message>
        <source>already followed, skipped</source>
        <translation>déjà suivi, ignoré</translation>
    </message>
    <message>
        <source>Subscribe to a feed. Nothing is fetched until the next sync.
With --discover, URL is a web page: it is fetched now, and every feed it offers is subscribed.</source>
        <translation>S’abonner à un flux. Rien n’est récupéré avant la prochaine synchronisation.
Avec --discover, URL est une page web&#xa0;: elle est récupérée immédiatement, et chaque flux qu’elle propose est ajouté aux abonnements.</translation>
    </message>
    <message>
        <source>URL is a web page: subscribe to every feed it links to (or, when it links to none, that its site offers at the usual feed addresses).</source>
        <translation>URL est une page web&#xa0;: s’abonner à chaque flux vers lequel elle pointe (ou, si elle n’en indique aucun, à ceux que son site propose aux adresses de flux habituelles).</translation>
    </message>
    <message>
        <source>With --discover: print the feeds as JSON.</source>
        <translation>Avec --discover&#xa0;: afficher les flux en JSON.</translation>
    </message>
    <message>
        <source>The feed&apos;s address, or with --discover a web page&apos;s.</source>
        <translation>L’adresse du flux, ou avec --discover celle d’une page web.</translation>
    </message>
    <message>
        <source>--user goes with a feed&apos;s URL, not with --discover; set it afterwards with feeds set ID --user NAME.</source>
        <translation>--user s’utilise avec l’URL d’un flux, pas avec --discover&#xa0;; définissez-le ensuite avec feeds set ID --user NOM.</translation>
    </message>
    <message>
        <source>feeds add --discover needs a web page&apos;s URL.</source>
        <translation>feeds add --discover a besoin de l’URL d’une page web.</translation>
    </message>
    <message>
        <source>--json goes with --discover.</source>
        <translation>--json s’utilise avec --discover.</translation>
    </message>
    <message>
        <source>--user needs a user name.</source>
        <translation>--user a besoin d’un nom d’utilisateur.</translation>
    </message>
    <message>
        <source>Change the settings of a feed; what is not given stays.</source>
        <translation>Modifier les paramètres d’un flux&#xa0;; ce qui n’est pas indiqué reste inchangé.</translation>
    </message>
    <message>
        <source>Stop signing in; the saved password is removed from the keychain.</source>
        <translation>Ne plus se connecter&#xa0;; le mot de passe enregistré est supprimé du trousseau.</translation>
    </message>
    <message>
        <source>Fetch it every MINUTES minutes (a longer pause the feed asks for wins).</source>
        <translation>Le récupérer toutes les MINUTES minutes (une pause plus longue demandée par le flux l’emporte).</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTES</translation>
    </message>
    <message>
        <source>Keep its newest N items (0 keeps everything); applies at the next sync.</source>
        <translation>Conserver ses N éléments les plus récents (0 conserve tout)&#xa0;; s’applique à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Show it under this title.</source>
        <translation>L’afficher sous ce titre.</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITRE</translation>
    </message>
    <message>
        <source>Move it to this folder (&quot;A/B&quot; nests, &quot;&quot; is the top level).</source>
        <translation>Le déplacer dans ce dossier («&#xa0;A/B&#xa0;» imbrique, &quot;&quot; est le niveau supérieur).</translation>
    </message>
    <message>
        <source>feeds set needs a feed id (see feeds list).</source>
        <translation>feeds set a besoin de l’identifiant d’un flux (voir feeds list).</translation>
    </message>
    <message>
        <source>Give either --user or --no-user, not both.</source>
        <translation>Indiquez soit --user, soit --no-user, pas les deux.</translation>
    </message>
    <message>
        <source>--interval needs minutes from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--interval attend un nombre de minutes de 1 à %1, et non «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>--retention needs a number of items (0 keeps everything), not &quot;%1&quot;.</source>
        <translation>--retention attend un nombre d’éléments (0 conserve tout), et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--follow-comments needs on or off, not &quot;%1&quot;.</source>
        <translation>--follow-comments attend on ou off, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Updated feed %1.</source>
        <translation>Flux %1 mis à jour.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] feeds add|list|set|remove|import-opml|export-opml|parse|download ...
See feeds COMMAND --help.</source>
        <translation>Utilisation&#xa0;: watercooler [--database CHEMIN] feeds add|list|set|remove|import-opml|export-opml|parse|download ...
Voir feeds COMMANDE --help.</translation>
    </message>
    <message>
        <source>Unknown feeds command &quot;%1&quot;. Commands: add, list, set, remove, import-opml, export-opml, parse, download.</source>
        <translation>Commande feeds inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: add, list, set, remove, import-opml, export-opml, parse, download.</translation>
    </message>
    <message>
        <source>Merge members into the first one: their identities, posts, mentions and tags move to it. Undo with members unmerge.</source>
        <translation>Fusionner des membres dans le premier&#xa0;: leurs identités, messages, mentions et étiquettes lui sont transférés. Annulez avec members unmerge.</translation>
    </message>
    <message>
        <source>The member to keep, then the ones to merge in.</source>
        <translation>Le membre à conserver, puis ceux à fusionner avec lui.</translation>
    </message>
    <message>
        <source>members merge needs the id of the member to keep and at least one other member id.</source>
        <translation>members merge a besoin de l’identifiant du membre à conserver et d’au moins un autre identifiant de membre.</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n member(s) into %1 (merge %2): </source>
        <translation>
            <numerusform>%n membre fusionné dans %1 (fusion %2)&#xa0;: </numerusform>
            <numerusform>%n membres fusionnés dans %1 (fusion %2)&#xa0;: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 identities, %2 posts, %3 mentions and %4 new tags moved.</source>
        <translation>%1 identités, %2 messages, %3 mentions et %4 nouvelles étiquettes transférés.</translation>
    </message>
    <message>
        <source>Undo with: members unmerge %1</source>
        <translation>Annuler avec&#xa0;: members unmerge %1</translation>
    </message>
    <message>
        <source>Undo a merge (or a deletion) of members: everything that moved goes back.</source>
        <translation>Annuler une fusion (ou une suppression) de membres&#xa0;: tout ce qui a été transféré revient à sa place.</translation>
    </message>
    <message>
        <source>The merge id members merge printed.</source>
        <translation>L’identifiant de fusion affiché par members merge.</translation>
    </message>
    <message>
        <source>members unmerge needs a merge id.</source>
        <translation>members unmerge a besoin d’un identifiant de fusion.</translation>
    </message>
    <message>
        <source>Undid merge %1.</source>
        <translation>Fusion %1 annulée.</translation>
    </message>
    <message>
        <source>Erase a member&apos;s personal data: identities, name, e-mail, notes and tags. Their posts stay under &quot;Deleted member&quot; unless --remove-posts is given. This cannot be undone.</source>
        <translation>Effacer les données personnelles d’un membre&#xa0;: identités, nom, adresse e-mail, notes et étiquettes. Ses messages restent sous «&#xa0;Membre supprimé&#xa0;», sauf si --remove-posts est indiqué. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Remove the member&apos;s posts too.</source>
        <translation>Supprimer aussi les messages du membre.</translation>
    </message>
    <message>
        <source>The member&apos;s id.</source>
        <translation>L’identifiant du membre.</translation>
    </message>
    <message>
        <source>members erase needs a member id.</source>
        <translation>members erase a besoin d’un identifiant de membre.</translation>
    </message>
    <message>
        <source>Erased member %1: %2 identities removed, %3 posts removed.</source>
        <translation>Membre %1 effacé&#xa0;: %2 identités supprimées, %3 messages supprimés.</translation>
    </message>
    <message>
        <source>List members that are probably the same person, with the reason.</source>
        <translation>Lister les membres qui sont probablement la même personne, avec la raison.</translation>
    </message>
    <message>
        <source>At most N suggestions (default 200).</source>
        <translation>Au plus N suggestions (200 par défaut).</translation>
    </message>
    <message>
        <source>--limit needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--limit attend un nombre entier supérieur à 0, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message>
        <source>Recompute every member&apos;s engagement score and level with the stored formula.</source>
        <translation>Recalculer le score et le niveau d’engagement de chaque membre avec la formule enregistrée.</translation>
    </message>
    <message>
        <source>Recomputed engagement in %1 ms.</source>
        <translation>Engagement recalculé en %1 ms.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] members merge|unmerge|erase|suggest-duplicates|recompute ...
See members COMMAND --help.</source>
        <translation>Utilisation&#xa0;: watercooler [--database CHEMIN] members merge|unmerge|erase|suggest-duplicates|recompute ...
Voir members COMMANDE --help.</translation>
    </message>
    <message>
        <source>Unknown members command &quot;%1&quot;. Commands: merge, unmerge, erase, suggest-duplicates, recompute.</source>
        <translation>Commande members inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: merge, unmerge, erase, suggest-duplicates, recompute.</translation>
    </message>
    <message numerus="yes">
        <source>; %n new comment(s)</source>
        <translation>
            <numerusform>; %n nouveau commentaire</numerusform>
            <numerusform>; %n nouveaux commentaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n comment feed(s) failed</source>
        <translation>
            <numerusform>; échec de %n flux de commentaires</numerusform>
            <numerusform>; échec de %n flux de commentaires</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain is not available: give the feed password in the environment variable WATERCOOLER_FEED_PASSWORD.</source>
        <translation>Le trousseau du système n’est pas disponible&#xa0;: fournissez le mot de passe du flux dans la variable d’environnement WATERCOOLER_FEED_PASSWORD.</translation>
    </message>
    <message>
        <source>The file.</source>
        <translation>Le fichier.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n row(s):</source>
        <translation>
            <numerusform>%n ligne ignorée&#xa0;:</numerusform>
            <numerusform>%n lignes ignorées&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... et %n autre.</numerusform>
            <numerusform>... et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import members from a CSV file (name, handle, source, e-mail, tags). Known members are matched, not duplicated.</source>
        <translation>Importer des membres depuis un fichier CSV (nom, pseudonyme, source, e-mail, étiquettes). Les membres connus sont reconnus, pas dupliqués.</translation>
    </message>
    <message>
        <source>Import posts from a CSV file (id, source, discussion_id, discussion, author, time, text, parent).</source>
        <translation>Importer des messages depuis un fichier CSV (id, source, discussion_id, discussion, author, time, text, parent).</translation>
    </message>
    <message>
        <source>The source of rows that name none (default &quot;csv&quot;).</source>
        <translation>La source des lignes qui n’en indiquent aucune (par défaut «&#xa0;csv&#xa0;»).</translation>
    </message>
    <message>
        <source>Check the file and show what would be imported; store nothing.</source>
        <translation>Vérifier le fichier et montrer ce qui serait importé&#xa0;; ne rien enregistrer.</translation>
    </message>
    <message>
        <source>%1 needs the CSV file.</source>
        <translation>%1 a besoin du fichier CSV.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, delimiter &quot;%3&quot;): %n row(s) to import; nothing stored.</source>
        <translation>
            <numerusform>%1 (%2, séparateur «&#xa0;%3&#xa0;»)&#xa0;: %n ligne à importer&#xa0;; rien n’a été enregistré.</numerusform>
            <numerusform>%1 (%2, séparateur «&#xa0;%3&#xa0;»)&#xa0;: %n lignes à importer&#xa0;; rien n’a été enregistré.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) from %1: </source>
        <translation>
            <numerusform>%n ligne importée depuis %1&#xa0;: </numerusform>
            <numerusform>%n lignes importées depuis %1&#xa0;: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) matched, </source>
        <translation>
            <numerusform>%n membre reconnu, </numerusform>
            <numerusform>%n membres reconnus, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created.</source>
        <translation>
            <numerusform>%n créé.</numerusform>
            <numerusform>%n créés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new post(s), </source>
        <translation>
            <numerusform>%n nouveau message, </numerusform>
            <numerusform>%n nouveaux messages, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n mis à jour, </numerusform>
            <numerusform>%n mis à jour, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new discussion(s), </source>
        <translation>
            <numerusform>%n nouvelle discussion, </numerusform>
            <numerusform>%n nouvelles discussions, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created.</source>
        <translation>
            <numerusform>%n membre créé.</numerusform>
            <numerusform>%n membres créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a chat transcript as one discussion: a numbered list of tweets, a Zoom chat, or &quot;Name: text&quot; lines.</source>
        <translation>Importer une transcription de chat comme une seule discussion&#xa0;: une liste numérotée de tweets, un chat Zoom ou des lignes «&#xa0;Nom&#xa0;: texte&#xa0;».</translation>
    </message>
    <message>
        <source>The transcript&apos;s format: tweets, zoom or lines (default: detected).</source>
        <translation>Le format de la transcription&#xa0;: tweets, zoom ou lines (par défaut&#xa0;: détecté).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The discussion&apos;s title (default: the file name).</source>
        <translation>Le titre de la discussion (par défaut&#xa0;: le nom du fichier).</translation>
    </message>
    <message>
        <source>The source the members are known on (default: twitter, zoom or chat).</source>
        <translation>La source sur laquelle les membres sont connus (par défaut&#xa0;: twitter, zoom ou chat).</translation>
    </message>
    <message>
        <source>import transcript needs the transcript file.</source>
        <translation>import transcript a besoin du fichier de transcription.</translation>
    </message>
    <message>
        <source>--format needs tweets, zoom or lines, not &quot;%1&quot;.</source>
        <translation>--format attend tweets, zoom ou lines, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is too large for a transcript.</source>
        <translation>%1 est trop volumineux pour une transcription.</translation>
    </message>
    <message>
        <source>no messages found.</source>
        <translation>aucun message trouvé.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s)</source>
        <translation>
            <numerusform>%n message importé</numerusform>
            <numerusform>%n messages importés</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) into &quot;%2&quot; on %3: </source>
        <translation>(%1) dans «&#xa0;%2&#xa0;» sur %3&#xa0;: </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created, </source>
        <translation>
            <numerusform>%n membre créé, </numerusform>
            <numerusform>%n membres créés, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s).</source>
        <translation>
            <numerusform>%n mention.</numerusform>
            <numerusform>%n mentions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write every member to a CSV file.</source>
        <translation>Écrire tous les membres dans un fichier CSV.</translation>
    </message>
    <message>
        <source>Write every post to a CSV file that import posts-csv reads.</source>
        <translation>Écrire tous les messages dans un fichier CSV lisible par import posts-csv.</translation>
    </message>
    <message>
        <source>%1 needs the file to write.</source>
        <translation>%1 a besoin du fichier à écrire.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>%n membre écrit dans %1.</numerusform>
            <numerusform>%n membres écrits dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>%n message écrit dans %1.</numerusform>
            <numerusform>%n messages écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print everything stored about one member as JSON: fields, identities, tags, notes, posts with their discussions, and mentions of them.</source>
        <translation>Afficher en JSON tout ce qui est enregistré sur un membre&#xa0;: champs, identités, étiquettes, notes, messages avec leurs discussions, et les mentions de ce membre.</translation>
    </message>
    <message>
        <source>Print JSON (the only format).</source>
        <translation>Afficher en JSON (le seul format).</translation>
    </message>
    <message>
        <source>export member needs a member id.</source>
        <translation>export member a besoin d’un identifiant de membre.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] %1 %2 ...
See %1 COMMAND --help.</source>
        <translation>Utilisation&#xa0;: watercooler [--database CHEMIN] %1 %2 ...
Voir %1 COMMANDE --help.</translation>
    </message>
    <message>
        <source>Unknown %1 command &quot;%2&quot;. Commands: %3.</source>
        <translation>Commande %1 inconnue «&#xa0;%2&#xa0;». Commandes&#xa0;: %3.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n older item(s) to keep the newest %1.</source>
        <translation>
            <numerusform>%n élément plus ancien supprimé pour garder les %1 plus récents.</numerusform>
            <numerusform>%n éléments plus anciens supprimés pour garder les %1 plus récents.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import is stored, but the engagement levels could not be recomputed: %1</source>
        <translation>L’import est enregistré, mais les niveaux d’engagement n’ont pas pu être recalculés : %1</translation>
    </message>
    <message>
        <source>Engagement levels recomputed.</source>
        <translation>Niveaux d’engagement recalculés.</translation>
    </message>
    <message>
        <source>Read FIELD from the column headed HEADER instead of the guessed one; repeat it for more fields. Fields: %1.</source>
        <translation>Lire CHAMP dans la colonne intitulée EN-TÊTE au lieu de celle devinée ; à répéter pour d’autres champs. Champs : %1.</translation>
    </message>
    <message>
        <source>FIELD=HEADER</source>
        <translation>CHAMP=EN-TÊTE</translation>
    </message>
    <message>
        <source>--column needs FIELD=HEADER, as in --column %1=&quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation>--column attend CHAMP=EN-TÊTE, par exemple --column %1=&quot;%2&quot;, et non « %3 ».</translation>
    </message>
    <message>
        <source>--column: unknown field &quot;%1&quot;. Fields: %2.</source>
        <translation>--column : champ inconnu « %1 ». Champs : %2.</translation>
    </message>
</context>
<context>
    <name>CommunityCopyTask</name>
    <message>
        <source>Replacing the community in %1...</source>
        <translation>Remplacement de la communauté dans %1...</translation>
    </message>
    <message>
        <source>Copying the community to %1...</source>
        <translation>Copie de la communauté vers %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Copier la communauté</translation>
    </message>
    <message>
        <source>Replace Community?</source>
        <translation>Remplacer la communauté&#xa0;?</translation>
    </message>
    <message>
        <source>%1 already holds a community. Replace everything in it with a copy of this one? What it holds now is deleted.</source>
        <translation>%1 contient déjà une communauté. Voulez-vous remplacer tout son contenu par une copie de celle-ci&#xa0;? Son contenu actuel sera supprimé.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
</context>
<context>
    <name>CommunityExporter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation>Écriture impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>Il n’y a pas de membre %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ConcurrentChangeError</name>
    <message>
        <source>Someone else deleted this member while you were editing.</source>
        <translation>Quelqu’un d’autre a supprimé ce membre pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Someone else changed this member while you were editing. Reload to see their changes; your text stays here.</source>
        <translation>Quelqu’un d’autre a modifié ce membre pendant que vous le modifiiez. Rechargez pour voir ses modifications ; votre texte reste ici.</translation>
    </message>
    <message>
        <source>Someone else deleted this member meanwhile.</source>
        <translation>Quelqu’un d’autre a supprimé ce membre entre-temps.</translation>
    </message>
    <message>
        <source>Someone else changed this member meanwhile. Reload to see their changes.</source>
        <translation>Quelqu’un d’autre a modifié ce membre entre-temps. Rechargez pour voir ses modifications.</translation>
    </message>
</context>
<context>
    <name>ConnectDatabaseDialog</name>
    <message>
        <source>Connect to Team Database</source>
        <translation>Se connecter à une base de données d&apos;équipe</translation>
    </message>
    <message>
        <source>Open a community database that your team shares on a PostgreSQL server.</source>
        <translation>Ouvrez une base de données de communauté que votre équipe partage sur un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>e.g. community</source>
        <translation>p. ex. community</translation>
    </message>
    <message>
        <source>Empty: PGPASSWORD or ~/.pgpass</source>
        <translation>Vide : PGPASSWORD ou ~/.pgpass</translation>
    </message>
    <message>
        <source>prefer: encrypt when the server offers it; require: always encrypt; verify-ca and verify-full: also check the server&apos;s certificate.</source>
        <translation>prefer : chiffrer si le serveur le propose ; require : toujours chiffrer ; verify-ca et verify-full : vérifier aussi le certificat du serveur.</translation>
    </message>
    <message>
        <source>Remember password in the system keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Asking the system keychain...</source>
        <translation>Interrogation du trousseau du système...</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Mode &amp;SSL :</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Try to connect without opening the database</source>
        <translation>Essayer de se connecter sans ouvrir la base de données</translation>
    </message>
    <message>
        <source>No system keychain is running (%1). Watercooler asks for the password each session and never stores it anywhere else.</source>
        <translation>Aucun trousseau du système n&apos;est disponible (%1). Watercooler vous demande le mot de passe à chaque session et ne l&apos;enregistre nulle part ailleurs.</translation>
    </message>
    <message>
        <source>The system keychain refused: %1</source>
        <translation>Le trousseau du système a refusé : %1</translation>
    </message>
    <message>
        <source>Keeps the password in your desktop&apos;s keychain, not in Watercooler&apos;s settings.</source>
        <translation>Conserve le mot de passe dans le trousseau de votre bureau, et non dans les paramètres de Watercooler.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1...</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1</source>
        <translation>Connecté : PostgreSQL %1</translation>
    </message>
    <message>
        <source>The server asks for a password: %1</source>
        <translation>Le serveur demande un mot de passe : %1</translation>
    </message>
</context>
<context>
    <name>ConnectionLostError</name>
    <message>
        <source>Cannot reach %1 again: %2</source>
        <translation>Impossible de joindre à nouveau %1 : %2</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved by the last step; reconnect to go on.</source>
        <translation>La connexion au serveur de base de données a été perdue. La dernière étape n’a rien enregistré ; reconnectez-vous pour continuer.</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>The server did not answer.</source>
        <translation>Le serveur n&apos;a pas répondu.</translation>
    </message>
</context>
<context>
    <name>CopyCommunityDialog</name>
    <message>
        <source>Copy Community To</source>
        <translation>Copier la communauté vers</translation>
    </message>
    <message>
        <source>Copy every member, discussion, feed and assessment of %1 into another database. The copy keeps every id, so links between them stay intact.</source>
        <translation>Copie tous les membres, discussions, flux et évaluations de %1 dans une autre base de données. La copie conserve tous les identifiants, les liens entre eux restent donc intacts.</translation>
    </message>
    <message>
        <source>An SQLite &amp;file</source>
        <translation>Un &amp;fichier SQLite</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p.&#xa0;ex. %1</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>A &amp;PostgreSQL server</source>
        <translation>Un serveur &amp;PostgreSQL</translation>
    </message>
    <message>
        <source>postgresql://user:password@host:5432/database</source>
        <translation>postgresql://utilisateur:motdepasse@serveur:5432/base</translation>
    </message>
    <message>
        <source>The database must exist on the server; Watercooler creates its tables.</source>
        <translation>La base de données doit déjà exister sur le serveur&#xa0;; Watercooler crée ses tables.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db)</source>
        <translation>Bases de données Watercooler (*.sqlite *.db)</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Le trousseau du système n&apos;a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>Line %1: %2 The columns are: %3.</source>
        <translation>Ligne %1&#xa0;: %2 Les colonnes sont&#xa0;: %3.</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2; skipped.</source>
        <translation>la ligne a %1 champs, l’en-tête %2&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Line %1: the file has a header but no rows.</source>
        <translation>Ligne %1&#xa0;: le fichier a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <source>Line %1: no column is named &quot;%2&quot; (for %3). The columns are: %4.</source>
        <translation>Ligne %1 : aucune colonne ne s’appelle « %2 » (pour %3). Les colonnes sont : %4.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import Members CSV</source>
        <translation>Importer un CSV de membres</translation>
    </message>
    <message>
        <source>Import Posts CSV</source>
        <translation>Importer un CSV de messages</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>Lecture de %1...</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>The column of the file that holds the %1</source>
        <translation>La colonne du fichier qui contient le champ suivant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Handles are matched per source; rows that name no source of their own come from this one.</source>
        <translation>Les pseudonymes sont rapprochés par source&#xa0;; les lignes qui n’indiquent pas leur propre source proviennent de celle-ci.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>&amp;Source of rows without one:</source>
        <translation>&amp;Source des lignes qui n’en ont pas&#xa0;:</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be stored</source>
        <translation>Aperçu&#xa0;: les premières lignes telles qu’elles seront enregistrées</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>L’importation a été annulée&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Lecture du fichier...</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>%1: %2, fields separated by &quot;%3&quot;</source>
        <translation>%1&#xa0;: %2, champs séparés par «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Ce fichier ne peut pas être importé.</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... et %n autre.</numerusform>
            <numerusform>... et %n autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be imported</source>
        <translation>
            <numerusform>%n ligne sera importée</numerusform>
            <numerusform>%n lignes seront importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped.</source>
        <translation>
            <numerusform>%n ligne ignorée.</numerusform>
            <numerusform>%n lignes ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importation...</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member row(s): </source>
        <translation>
            <numerusform>%n ligne de membre importée&#xa0;: </numerusform>
            <numerusform>%n lignes de membres importées&#xa0;: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched, </source>
        <translation>
            <numerusform>%n reconnu, </numerusform>
            <numerusform>%n reconnus, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created, </source>
        <translation>
            <numerusform>%n créé, </numerusform>
            <numerusform>%n créés, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n ignorée.</numerusform>
            <numerusform>%n ignorées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n post row(s): </source>
        <translation>
            <numerusform>%n ligne de message importée&#xa0;: </numerusform>
            <numerusform>%n lignes de messages importées&#xa0;: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new, </source>
        <translation>
            <numerusform>%n nouveau, </numerusform>
            <numerusform>%n nouveaux, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n mis à jour, </numerusform>
            <numerusform>%n mis à jour, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file cannot be read twice: %1</source>
        <translation>Le fichier ne peut pas être lu deux fois&#xa0;: %1</translation>
    </message>
    <message>
        <source>This is not a text file (it holds zero bytes). Save it as UTF-8 text, or as UTF-16 with a byte order mark.</source>
        <translation>Ce n’est pas un fichier texte (il contient des octets nuls). Enregistrez-le en texte UTF-8, ou en UTF-16 avec une marque d’ordre des octets (BOM).</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor clearly Windows-1252 (Latin-1). Save the file as UTF-8 and try again.</source>
        <translation>le texte n’est ni en UTF-8 ni clairement en Windows-1252 (Latin-1). Enregistrez le fichier en UTF-8 et réessayez.</translation>
    </message>
    <message>
        <source>the text is not valid %1.</source>
        <translation>le texte n’est pas du %1 valide.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The text is not valid %1.</source>
        <translation>Le texte n’est pas du %1 valide.</translation>
    </message>
    <message>
        <source>a field is longer than %1 characters; is this really a CSV file?</source>
        <translation>un champ dépasse %1 caractères&#xa0;; s’agit-il vraiment d’un fichier CSV&#xa0;?</translation>
    </message>
    <message>
        <source>the line is longer than %1 characters; is this really a CSV file?</source>
        <translation>la ligne dépasse %1 caractères&#xa0;; s’agit-il vraiment d’un fichier CSV&#xa0;?</translation>
    </message>
    <message>
        <source>a quoted field that starts here is never closed.</source>
        <translation>un champ entre guillemets qui commence ici n’est jamais fermé.</translation>
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
    <message>
        <source>%1 needs an upgrade (schema %2 to %3), which this role may not do; ask the database owner to open it once with Watercooler.</source>
        <translation>%1 doit être mise à niveau (schéma %2 vers %3), ce que ce rôle n&apos;a pas le droit de faire ; demandez au propriétaire de la base de données de l&apos;ouvrir une fois avec Watercooler.</translation>
    </message>
</context>
<context>
    <name>DatabaseCopier</name>
    <message>
        <source>Cannot copy %1 onto itself: choose another database as the target.</source>
        <translation>Impossible de copier %1 sur elle-même&#xa0;: choisissez une autre base de données comme cible.</translation>
    </message>
    <message>
        <source>%1 has schema version %2 but the source has %3.</source>
        <translation>%1 a la version de schéma %2, mais la source a la version %3.</translation>
    </message>
    <message>
        <source>%1 holds tables this version of Watercooler cannot copy: %2.</source>
        <translation>%1 contient des tables que cette version de Watercooler ne sait pas copier&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 has no table %2.</source>
        <translation>%1 n&apos;a pas de table %2.</translation>
    </message>
    <message>
        <source>Cannot copy the table %1: it has no primary key.</source>
        <translation>Impossible de copier la table %1&#xa0;: elle n&apos;a pas de clé primaire.</translation>
    </message>
    <message>
        <source>%1 is not empty: it already holds a community.</source>
        <translation>%1 n&apos;est pas vide&#xa0;: elle contient déjà une communauté.</translation>
    </message>
</context>
<context>
    <name>DiscussionRepository</name>
    <message>
        <source>The discussion no longer exists.</source>
        <translation>La discussion n’existe plus.</translation>
    </message>
    <message>
        <source>The post no longer exists.</source>
        <translation>Le message n’existe plus.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Une étiquette doit avoir un nom.</translation>
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
    <message>
        <source>Any</source>
        <translation>Indifférent</translation>
    </message>
    <message>
        <source>Tags of this discussion, separated by commas</source>
        <translation>Étiquettes de cette discussion, séparées par des virgules</translation>
    </message>
    <message>
        <source>Mark as Needs Response</source>
        <translation>Marquer «&#xa0;Réponse attendue&#xa0;»</translation>
    </message>
    <message>
        <source>Flag the selected post as waiting for an answer</source>
        <translation>Signaler le message sélectionné comme en attente d’une réponse</translation>
    </message>
    <message>
        <source>Tags of this post, separated by commas</source>
        <translation>Étiquettes de ce message, séparées par des virgules</translation>
    </message>
    <message>
        <source>Search posts: words, &quot;a phrase&quot;, -leave out, prefix*</source>
        <translation>Rechercher des messages&#xa0;: mots, &quot;une expression&quot;, -exclure, préfixe*</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Réponse attendue</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Membre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>É&amp;tiquette&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>Needs a response</source>
        <translation>Attend une réponse</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Recherche…</translation>
    </message>
</context>
<context>
    <name>DuplicateFinder</name>
    <message>
        <source>same e-mail address %1</source>
        <translation>même adresse e-mail %1</translation>
    </message>
    <message>
        <source>same handle @%1 on different sources</source>
        <translation>même pseudonyme @%1 sur différentes sources</translation>
    </message>
    <message>
        <source>similar names (%1% alike)</source>
        <translation>noms similaires (identiques à %1 %)</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible Duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>Looking for members who are probably the same person...</source>
        <translation>Recherche des membres qui sont probablement la même personne...</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Fusionner...</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>Aucun doublon probable trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s). Pick one and merge; you choose which member to keep.</source>
        <translation>
            <numerusform>%n suggestion. Choisissez-en une et fusionnez&#xa0;; vous décidez quel membre conserver.</numerusform>
            <numerusform>%n suggestions. Choisissez-en une et fusionnez&#xa0;; vous décidez quel membre conserver.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngagementFormula</name>
    <message>
        <source>Weights cannot be negative.</source>
        <translation>Les pondérations ne peuvent pas être négatives.</translation>
    </message>
    <message>
        <source>The look-back window must be between 1 and 3650 days.</source>
        <translation>La période d’observation doit être comprise entre 1 et 3650 jours.</translation>
    </message>
    <message>
        <source>Participating must start above a score of 0.</source>
        <translation>«&#xa0;Participant&#xa0;» doit commencer au-dessus d’un score de 0.</translation>
    </message>
    <message>
        <source>Each level must start at a higher score than the one below it.</source>
        <translation>Chaque niveau doit commencer à un score plus élevé que le niveau inférieur.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Mentions written</source>
        <translation>Mentions écrites</translation>
    </message>
    <message>
        <source>Feed items</source>
        <translation>Éléments de flux</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Exploring</source>
        <translation>Explorateur</translation>
    </message>
    <message>
        <source>Participating</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Contributing</source>
        <translation>Contributeur</translation>
    </message>
    <message>
        <source>Leading</source>
        <translation>Meneur</translation>
    </message>
</context>
<context>
    <name>EngagementSettingsDialog</name>
    <message>
        <source>Engagement Levels</source>
        <translation>Niveaux d’engagement</translation>
    </message>
    <message>
        <source>A member&apos;s score is the sum of their activity in the look-back window, each kind counted with its weight. The score decides the level; members with no activity in the window are Inactive. The formula is stored in the community database and shared by everyone who opens it.</source>
        <translation>Le score d’un membre est la somme de son activité sur la période d’observation, chaque type étant compté avec sa pondération. Le score détermine le niveau&#xa0;; les membres sans activité sur la période sont Inactifs. La formule est enregistrée dans la base de données de la communauté et partagée par tous ceux qui l’ouvrent.</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pondérations</translation>
    </message>
    <message>
        <source>first post of a discussion</source>
        <translation>premier message d’une discussion</translation>
    </message>
    <message>
        <source>answer in a discussion</source>
        <translation>réponse dans une discussion</translation>
    </message>
    <message>
        <source>each @name written</source>
        <translation>chaque @nom écrit</translation>
    </message>
    <message>
        <source>first post of a feed&apos;s discussion</source>
        <translation>premier message de la discussion d’un flux</translation>
    </message>
    <message>
        <source>answer to a feed item</source>
        <translation>réponse à un élément de flux</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Look back</source>
        <translation>Période d’observation</translation>
    </message>
    <message>
        <source>from </source>
        <translation>à partir de </translation>
    </message>
    <message>
        <source>Save and Recompute</source>
        <translation>Enregistrer et recalculer</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>Score = %1, over the last %n day(s). Exploring below %2, Participating from %2, Contributing from %3, Leading from %4.</source>
        <translation>
            <numerusform>Score = %1, sur le dernier jour. Explorateur en dessous de %2, Participant à partir de %2, Contributeur à partir de %3, Meneur à partir de %4.</numerusform>
            <numerusform>Score = %1, sur les %n derniers jours. Explorateur en dessous de %2, Participant à partir de %2, Contributeur à partir de %3, Meneur à partir de %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodeDownloadBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Change Folder...</source>
        <translation>Changer de dossier...</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Asks for a folder the first time.</source>
        <translation>Demande un dossier la première fois.</translation>
    </message>
    <message>
        <source>Saves into %1</source>
        <translation>Enregistre dans %1</translation>
    </message>
    <message>
        <source>Waiting...</source>
        <translation>En attente...</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Folder for Podcast Episodes</source>
        <translation>Dossier des épisodes de podcast</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Cancelled. Resume goes on where it stopped.</source>
        <translation>Annulé. «&#xa0;Reprendre&#xa0;» continue là où le téléchargement s’est arrêté.</translation>
    </message>
    <message>
        <source>Nothing here can open %1.</source>
        <translation>Aucune application ici ne peut ouvrir %1.</translation>
    </message>
</context>
<context>
    <name>EpisodeDownloader</name>
    <message>
        <source>Episodes can only be downloaded by address here.</source>
        <translation>Ici, les épisodes ne peuvent être téléchargés que par leur adresse.</translation>
    </message>
    <message>
        <source>There is no enclosure %1.</source>
        <translation>Il n’y a pas de pièce jointe %1.</translation>
    </message>
    <message>
        <source>The enclosure&apos;s address is not a web address: %1</source>
        <translation>L’adresse de la pièce jointe n’est pas une adresse web&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved %1, but could not record it: %2</source>
        <translation>%1 enregistré, mais impossible de le consigner&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>EpisodeTransfer</name>
    <message>
        <source>No folder was given to save %1 in.</source>
        <translation>Aucun dossier n’a été indiqué pour enregistrer %1.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created.</source>
        <translation>Le dossier %1 n’existe pas et ne peut pas être créé.</translation>
    </message>
    <message>
        <source>There are too many partial downloads named like %1 in %2.</source>
        <translation>Il y a trop de téléchargements partiels nommés comme %1 dans %2.</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation>Impossible d’écrire dans le dossier %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server sent more than the %1 it announced for %2.</source>
        <translation>Le serveur a envoyé plus que les %1 annoncés pour %2.</translation>
    </message>
    <message>
        <source>%1 redirects to an address that is not a web address: %2</source>
        <translation>%1 redirige vers une adresse qui n’est pas une adresse web&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 redirects in a loop.</source>
        <translation>%1 redirige en boucle.</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times.</source>
        <translation>%1 redirige plus de %2 fois.</translation>
    </message>
    <message>
        <source>The episode at %1 was not found (HTTP %2).</source>
        <translation>L’épisode à l’adresse %1 est introuvable (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 refused access to the episode (HTTP %2).</source>
        <translation>Le serveur %1 a refusé l’accès à l’épisode (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 had an internal error (HTTP %2).</source>
        <translation>Le serveur %1 a rencontré une erreur interne (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 answered with HTTP status %2.</source>
        <translation>Le serveur %1 a répondu avec le statut HTTP %2.</translation>
    </message>
    <message>
        <source>The download of %1 ended early: %2 of %3 arrived.</source>
        <translation>Le téléchargement de %1 s’est arrêté prématurément&#xa0;: %2 sur %3 reçus.</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>une taille inconnue</translation>
    </message>
    <message>
        <source>The server at %1 keeps sending the wrong part of %2.</source>
        <translation>Le serveur %1 continue d’envoyer la mauvaise partie de %2.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>Impossible de renommer %1 en %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>There are too many files named like %1 in %2.</source>
        <translation>Il y a trop de fichiers nommés comme %1 dans %2.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Le serveur %1 n’a pas répondu dans les %2 secondes.</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection.</source>
        <translation>Le serveur %1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>The host %1 was not found.</source>
        <translation>L’hôte %1 est introuvable.</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the download was complete.</source>
        <translation>La connexion à %1 a été fermée avant la fin du téléchargement.</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>Impossible de télécharger %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>EraseMemberDialog</name>
    <message>
        <source>Erase Personal Data</source>
        <translation>Effacer les données personnelles</translation>
    </message>
    <message>
        <source>Erase everything that identifies %1: their identities on every source, name, e-mail address, notes and tags. The member stays as &quot;Deleted member&quot;.</source>
        <translation>Effacer tout ce qui identifie %1&#xa0;: ses identités sur chaque source, son nom, son adresse e-mail, ses notes et ses étiquettes. Le membre reste sous le nom «&#xa0;Membre supprimé&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>Keep their %n post(s), shown as written by a deleted member</source>
        <translation>
            <numerusform>Conserver %n message, affiché comme écrit par un membre supprimé</numerusform>
            <numerusform>Conserver les %n messages, affichés comme écrits par un membre supprimé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove their %n post(s) as well</source>
        <translation>
            <numerusform>Supprimer aussi %n message</numerusform>
            <numerusform>Supprimer aussi les %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>Je comprends que cette action est irréversible</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>FeedDiscovery</name>
    <message>
        <source>&quot;%1&quot; is not a web address (http or https).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse web (http ou https).</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>Ouverture de %1...</translation>
    </message>
    <message>
        <source>There is no page at %1 (HTTP %2).</source>
        <translation>Il n’y a pas de page à l’adresse %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>The server refused access to %1 (HTTP %2).</source>
        <translation>Le serveur a refusé l’accès à %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d’ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>Vérification de %1...</translation>
    </message>
    <message>
        <source>No feeds found at %1: the page links to none, and none of the usual feed addresses of %2 (%3) answers with a feed.</source>
        <translation>Aucun flux trouvé à l’adresse %1&#xa0;: la page n’en indique aucun, et aucune des adresses de flux habituelles de %2 (%3) ne renvoie de flux.</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Atom</source>
        <translation>Atom</translation>
    </message>
    <message>
        <source>JSON Feed</source>
        <translation>JSON Feed</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>FeedFetcher</name>
    <message>
        <source>The feed at %1 is larger than the limit of %2 MB.</source>
        <translation>Le flux %1 dépasse la limite de %2 Mo.</translation>
    </message>
    <message>
        <source>%1 redirects to an address that is not a web address: %2</source>
        <translation>%1 redirige vers une adresse qui n’est pas une adresse web : %2</translation>
    </message>
    <message>
        <source>%1 redirects in a loop.</source>
        <translation>%1 redirige en boucle.</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times.</source>
        <translation>%1 redirige plus de %2 fois.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Le serveur %1 n’a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the feed was complete.</source>
        <translation>La connexion à %1 s’est fermée avant que le flux soit complet.</translation>
    </message>
    <message>
        <source>The feed at %1 could not be read completely: %2</source>
        <translation>Le flux %1 n’a pas pu être lu entièrement : %2</translation>
    </message>
    <message>
        <source>The feed at %1 is gone for good (HTTP 410).</source>
        <translation>Le flux %1 a définitivement disparu (HTTP 410).</translation>
    </message>
    <message>
        <source>The feed at %1 was not found (HTTP 404).</source>
        <translation>Le flux %1 est introuvable (HTTP 404).</translation>
    </message>
    <message>
        <source>The server at %1 asks to wait before fetching again (HTTP %2).</source>
        <translation>Le serveur %1 demande d’attendre avant de relancer la récupération (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 had an internal error (HTTP %2).</source>
        <translation>Le serveur %1 a rencontré une erreur interne (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 answered with HTTP status %2.</source>
        <translation>Le serveur %1 a répondu avec le statut HTTP %2.</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection.</source>
        <translation>Le serveur %1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>The host %1 was not found.</source>
        <translation>L’hôte %1 est introuvable.</translation>
    </message>
    <message>
        <source>Could not fetch the feed at %1: %2</source>
        <translation>Impossible de récupérer le flux %1 : %2</translation>
    </message>
    <message>
        <source>The feed at %1 was sent compressed (%2), but the compressed data is damaged.</source>
        <translation>Le flux %1 a été envoyé compressé (%2), mais les données compressées sont endommagées.</translation>
    </message>
    <message>
        <source>The server at %1 refused the user name and password of this feed (HTTP %2). Check them in the feed&apos;s properties.</source>
        <translation>Le serveur %1 a refusé le nom d’utilisateur et le mot de passe de ce flux (HTTP %2). Vérifiez-les dans les propriétés du flux.</translation>
    </message>
    <message>
        <source>The server at %1 wants a user name and password for this feed (HTTP %2). Set them in the feed&apos;s properties.</source>
        <translation>Le serveur %1 demande un nom d’utilisateur et un mot de passe pour ce flux (HTTP %2). Définissez-les dans les propriétés du flux.</translation>
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
    <name>FeedParser</name>
    <message>
        <source>The document has no root element.</source>
        <translation>Le document n’a pas d’élément racine.</translation>
    </message>
    <message>
        <source>The document is not a feed: its root element is &lt;%1&gt;.</source>
        <translation>Le document n’est pas un flux : son élément racine est &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>The JSON document is not a JSON Feed.</source>
        <translation>Le document JSON n’est pas un JSON Feed.</translation>
    </message>
    <message>
        <source>The document is %1 MB, more than the %2 MB a feed may have.</source>
        <translation>Le document fait %1 Mo, plus que les %2 Mo autorisés pour un flux.</translation>
    </message>
    <message>
        <source>The document is not XML or JSON.</source>
        <translation>Le document n’est ni du XML ni du JSON.</translation>
    </message>
</context>
<context>
    <name>FeedPasswordPrompt</name>
    <message>
        <source>No password is saved for this feed.</source>
        <translation>Aucun mot de passe n’est enregistré pour ce flux.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>Le trousseau du système n’est pas disponible.</translation>
    </message>
    <message>
        <source>Feed Password</source>
        <translation>Mot de passe du flux</translation>
    </message>
    <message>
        <source>%1
Password of %2 for %3 (kept until Watercooler closes):</source>
        <translation>%1
Mot de passe de %2 pour %3 (conservé jusqu’à la fermeture de Watercooler)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FeedPropertiesDialog</name>
    <message>
        <source>Feed Properties</source>
        <translation>Propriétés du flux</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>Aucun dossier</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Keep every item</source>
        <translation>Conserver tous les éléments</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>Conserver les plus récents</translation>
    </message>
    <message>
        <source> items</source>
        <translation> éléments</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Récupérer aussi les commentaires de ses éléments</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Fetch every:</source>
        <translation>&amp;Récupérer toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Éléments&#xa0;:</translation>
    </message>
    <message>
        <source>Sign-in (HTTP Basic)</source>
        <translation>Connexion (HTTP Basic)</translation>
    </message>
    <message>
        <source>None: the feed is public</source>
        <translation>Aucune&#xa0;: le flux est public</translation>
    </message>
    <message>
        <source>Remove the saved password</source>
        <translation>Supprimer le mot de passe enregistré</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Last fetched:</source>
        <translation>Dernière récupération&#xa0;:</translation>
    </message>
    <message>
        <source>Next fetch:</source>
        <translation>Prochaine récupération&#xa0;:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>Statut HTTP&#xa0;:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur&#xa0;:</translation>
    </message>
    <message>
        <source>Moved from:</source>
        <translation>Déplacé depuis&#xa0;:</translation>
    </message>
    <message>
        <source>This feed is no longer followed.</source>
        <translation>Ce flux n’est plus suivi.</translation>
    </message>
    <message numerus="yes">
        <source>The feed asks not to be fetched more often than every %n minute(s); the longer wait wins.</source>
        <translation>
            <numerusform>Le flux demande à ne pas être récupéré plus souvent que toutes les %n minute&#xa0;; l’attente la plus longue l’emporte.</numerusform>
            <numerusform>Le flux demande à ne pas être récupéré plus souvent que toutes les %n minutes&#xa0;; l’attente la plus longue l’emporte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>With the next sync</source>
        <translation>À la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Not fetched any more (%1)</source>
        <translation>N’est plus récupéré (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Non déplacé</translation>
    </message>
    <message>
        <source>Saved in the system keychain</source>
        <translation>Enregistré dans le trousseau du système</translation>
    </message>
    <message>
        <source>None saved</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>No system keychain is available, so no password can be saved. Watercooler asks for it once per session when it syncs.</source>
        <translation>Aucun trousseau du système n’est disponible, aucun mot de passe ne peut donc être enregistré. Watercooler le demande une fois par session lors de la synchronisation.</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain only. Leave it empty to keep the saved one.</source>
        <translation>Le mot de passe est conservé uniquement dans le trousseau du système. Laissez le champ vide pour garder celui qui est enregistré.</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain...</source>
        <translation>Enregistrement du mot de passe dans le trousseau du système...</translation>
    </message>
    <message>
        <source>The settings are saved, but the password is not: %1</source>
        <translation>Les paramètres sont enregistrés, mais pas le mot de passe&#xa0;: %1</translation>
    </message>
    <message>
        <source>the system keychain refused it.</source>
        <translation>le trousseau du système l’a refusé.</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Vous suivez déjà %1.</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Il n’y a pas de flux %1.</translation>
    </message>
</context>
<context>
    <name>FeedSync</name>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Il n’y a pas de flux %1.</translation>
    </message>
    <message>
        <source>The document is not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Le document n’est pas un flux (RSS, Atom ou JSON Feed).</translation>
    </message>
    <message>
        <source>The feed is broken at line %1, column %2: %3</source>
        <translation>Le flux est défectueux à la ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>The server sent %1, not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Le serveur a envoyé %1 et non un flux (RSS, Atom ou JSON Feed).</translation>
    </message>
    <message>
        <source>No password is saved for the user %1 of this feed. Set it in the feed&apos;s properties.</source>
        <translation>Aucun mot de passe n’est enregistré pour l’utilisateur %1 de ce flux. Définissez-le dans les propriétés du flux.</translation>
    </message>
    <message>
        <source>The system keychain did not give the password of the user %1 of this feed: %2</source>
        <translation>Le trousseau du système n’a pas fourni le mot de passe de l’utilisateur %1 de ce flux&#xa0;: %2</translation>
    </message>
    <message>
        <source>The system keychain is not available and no password was given for the user %1 of this feed.</source>
        <translation>Le trousseau du système n’est pas disponible et aucun mot de passe n’a été fourni pour l’utilisateur %1 de ce flux.</translation>
    </message>
    <message>
        <source>Comments at %1: %2</source>
        <translation>Commentaires à l’adresse %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>FeedXmlTree</name>
    <message>
        <source>Out of memory.</source>
        <translation>Mémoire insuffisante.</translation>
    </message>
    <message>
        <source>Syntax error.</source>
        <translation>Erreur de syntaxe.</translation>
    </message>
    <message>
        <source>The document has no elements.</source>
        <translation>Le document ne contient aucun élément.</translation>
    </message>
    <message>
        <source>The document is not well-formed XML.</source>
        <translation>Le document n’est pas du XML bien formé.</translation>
    </message>
    <message>
        <source>The document ends in the middle of a tag or section.</source>
        <translation>Le document s’arrête au milieu d’une balise ou d’une section.</translation>
    </message>
    <message>
        <source>The document holds a character XML does not allow.</source>
        <translation>Le document contient un caractère que XML n’autorise pas.</translation>
    </message>
    <message>
        <source>An end tag does not match the open element.</source>
        <translation>Une balise de fin ne correspond pas à l’élément ouvert.</translation>
    </message>
    <message>
        <source>An element has the same attribute twice.</source>
        <translation>Un élément a deux fois le même attribut.</translation>
    </message>
    <message>
        <source>There is more content after the end of the document.</source>
        <translation>Du contenu suit la fin du document.</translation>
    </message>
    <message>
        <source>The document refers to an entity it does not define.</source>
        <translation>Le document fait référence à une entité qu’il ne définit pas.</translation>
    </message>
    <message>
        <source>The document&apos;s entities expand to too much text.</source>
        <translation>Les entités du document produisent trop de texte.</translation>
    </message>
    <message>
        <source>XML error: %1</source>
        <translation>Erreur XML : %1</translation>
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
    <message>
        <source>Next fetch: %1</source>
        <translation>Prochaine récupération : %1</translation>
    </message>
    <message>
        <source>The feed is gone for good; it is no longer fetched.</source>
        <translation>Le flux a définitivement disparu ; il n’est plus récupéré.</translation>
    </message>
    <message>
        <source>Paused: not fetched.</source>
        <translation>En pause : pas récupéré.</translation>
    </message>
    <message>
        <source>All Items (%1)</source>
        <translation>Tous les articles (%1)</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Tous les articles</translation>
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
    <message>
        <source>Add Feed...</source>
        <translation>Ajouter un flux...</translation>
    </message>
    <message>
        <source>Import OPML...</source>
        <translation>Importer un fichier OPML...</translation>
    </message>
    <message>
        <source>Export OPML...</source>
        <translation>Exporter en OPML...</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>Importer un fichier OPML</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Fichiers OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n flux ajouté.</numerusform>
            <numerusform>%n flux ajoutés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) you already follow were skipped.</source>
        <translation>
            <numerusform>%n flux déjà suivi a été ignoré.</numerusform>
            <numerusform>%n flux déjà suivis ont été ignorés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) without a web address were skipped.</source>
        <translation>
            <numerusform>%n entrée sans adresse web a été ignorée.</numerusform>
            <numerusform>%n entrées sans adresse web ont été ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export OPML</source>
        <translation>Exporter en OPML</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>Fichiers OPML (*.opml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Synchronisation...</translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n nouvel élément</numerusform>
            <numerusform>%n nouveaux éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) failed; see their tooltips</source>
        <translation>
            <numerusform>%n flux en échec ; voir son infobulle</numerusform>
            <numerusform>%n flux en échec ; voir leurs infobulles</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Non lus seulement</translation>
    </message>
    <message>
        <source>Load Images</source>
        <translation>Charger les images</translation>
    </message>
    <message>
        <source>Always Load for This Feed</source>
        <translation>Toujours charger pour ce flux</translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation>Récupéré le %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>gone for good; no longer fetched</source>
        <translation>disparu définitivement ; n&apos;est plus récupéré</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>next fetch %1</source>
        <translation>prochaine récupération le %1</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>Déplacé de %1 vers %2</translation>
    </message>
    <message>
        <source>Sync Feed</source>
        <translation>Synchroniser le flux</translation>
    </message>
    <message>
        <source>Mark All as Read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Open Website</source>
        <translation>Ouvrir le site web</translation>
    </message>
    <message>
        <source>Copy Feed Address</source>
        <translation>Copier l&apos;adresse du flux</translation>
    </message>
    <message>
        <source>Remove Feed...</source>
        <translation>Supprimer le flux...</translation>
    </message>
    <message>
        <source>Open the Original</source>
        <translation>Ouvrir l&apos;original</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <source>Remove Star</source>
        <translation>Retirer l&apos;étoile</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Marquer d&apos;une étoile</translation>
    </message>
    <message>
        <source>Starred items are kept however many items the feed keeps.</source>
        <translation>Les articles marqués d&apos;une étoile sont conservés, quel que soit le nombre d&apos;articles gardés par le flux.</translation>
    </message>
    <message>
        <source>Remove Feed</source>
        <translation>Supprimer le flux</translation>
    </message>
    <message>
        <source>Stop following &quot;%1&quot;? Its items are removed from the feed list; the discussions and members they brought in stay.</source>
        <translation>Ne plus suivre « %1 » ? Ses articles sont retirés de la liste des flux ; les discussions et les membres qu&apos;ils ont apportés restent.</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so the sender cannot see that you read this.</source>
        <translation>
            <numerusform>%n image distante non chargée, pour que l&apos;expéditeur ne voie pas que vous lisez ceci.</numerusform>
            <numerusform>%n images distantes non chargées, pour que l&apos;expéditeur ne voie pas que vous lisez ceci.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new comment(s)</source>
        <translation>
            <numerusform>%n nouveau commentaire</numerusform>
            <numerusform>%n nouveaux commentaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment feed(s) could not be read</source>
        <translation>
            <numerusform>%n flux de commentaires n’a pas pu être lu</numerusform>
            <numerusform>%n flux de commentaires n’ont pas pu être lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Properties...</source>
        <translation>Propriétés...</translation>
    </message>
</context>
<context>
    <name>FetchScheduler</name>
    <message>
        <source>Not fetched: the server at %1 asked to wait until %2.</source>
        <translation>Non récupéré : le serveur %1 a demandé d’attendre jusqu’au %2.</translation>
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
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Your role may read this database but not change it. Ask the database owner for write access.</source>
        <translation>Votre rôle peut lire cette base de données, mais pas la modifier. Demandez les droits d&apos;écriture au propriétaire de la base de données.</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Database...</source>
        <translation>Se connec&amp;ter à une base de données d&apos;équipe...</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Changes you have not saved yet are still in their forms.</source>
        <translation>La connexion à %1 a été perdue. Les modifications que vous n’avez pas encore enregistrées restent dans leurs formulaires.</translation>
    </message>
    <message>
        <source>Connection Lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Travailler hors ligne</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Non connecté à %1</translation>
    </message>
    <message>
        <source>Reconnected to %1</source>
        <translation>Reconnecté à %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>&amp;Copy Community To...</source>
        <translation>Co&amp;pier la communauté vers...</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne copiée vers %1.</numerusform>
            <numerusform>%n lignes copiées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Copier la communauté</translation>
    </message>
    <message>
        <source>The community could not be copied: %1</source>
        <translation>La communauté n&apos;a pas pu être copiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The copy was cancelled; nothing was written.</source>
        <translation>La copie a été annulée&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Syncing feeds</source>
        <translation>Synchronisation des flux</translation>
    </message>
    <message>
        <source>Fee&amp;ds</source>
        <translation>&amp;Flux</translation>
    </message>
    <message>
        <source>&amp;Add Feed...</source>
        <translation>&amp;Ajouter un flux...</translation>
    </message>
    <message>
        <source>&amp;Sync Feeds Now</source>
        <translation>&amp;Synchroniser les flux maintenant</translation>
    </message>
    <message>
        <source>&amp;Import OPML...</source>
        <translation>&amp;Importer un OPML...</translation>
    </message>
    <message>
        <source>&amp;Export OPML...</source>
        <translation>&amp;Exporter en OPML...</translation>
    </message>
    <message>
        <source>Syncing feeds: %1 of %2</source>
        <translation>Synchronisation des flux : %1 sur %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
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
    <name>MemberDialog</name>
    <message>
        <source>Add Member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Edit Member</source>
        <translation>Modifier le membre</translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation>nom@example.org (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>@handle (optional)</source>
        <translation>@identifiant (facultatif)</translation>
    </message>
    <message>
        <source>Forum, Mastodon, Slack...</source>
        <translation>Forum, Mastodon, Slack…</translation>
    </message>
    <message>
        <source>Where the member uses this handle: a source already in the database, or a new name.</source>
        <translation>Où le membre utilise cet identifiant : une source déjà présente dans la base ou un nouveau nom.</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>A member needs a name.</source>
        <translation>Un membre doit avoir un nom.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Une étiquette doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>Il n’y a pas de membre %1.</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Membre supprimé</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a handle.</source>
        <translation>« %1 » n’est pas un identifiant.</translation>
    </message>
    <message>
        <source>Name the source the handle @%1 belongs to.</source>
        <translation>Indiquez la source à laquelle appartient l’identifiant @%1.</translation>
    </message>
    <message>
        <source>@%1 on %2 is already %3.</source>
        <translation>@%1 sur %2 est déjà %3.</translation>
    </message>
</context>
<context>
    <name>MemberJournal</name>
    <message>
        <source>Some of these members do not exist (any more).</source>
        <translation>Certains de ces membres n’existent pas (ou plus).</translation>
    </message>
    <message>
        <source>A member cannot be merged into itself.</source>
        <translation>Un membre ne peut pas être fusionné avec lui-même.</translation>
    </message>
    <message>
        <source>Choose at least one member to merge into the kept one.</source>
        <translation>Choisissez au moins un membre à fusionner avec celui qui est conservé.</translation>
    </message>
    <message>
        <source>Choose the members to delete.</source>
        <translation>Choisissez les membres à supprimer.</translation>
    </message>
    <message>
        <source>There is no merge or deletion %1 to undo.</source>
        <translation>Il n’y a pas de fusion ou de suppression %1 à annuler.</translation>
    </message>
    <message>
        <source>The member kept by this merge is gone; undo the later merge or deletion of that member first.</source>
        <translation>Le membre conservé par cette fusion n’existe plus&#xa0;; annulez d’abord la fusion ou la suppression ultérieure de ce membre.</translation>
    </message>
</context>
<context>
    <name>MembersCsvImporter</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>No column holds a name, a handle or an e-mail address.</source>
        <translation>Aucune colonne ne contient de nom, de pseudonyme ou d’adresse e-mail.</translation>
    </message>
    <message>
        <source>no name, handle or e-mail address; skipped.</source>
        <translation>ni nom, ni pseudonyme, ni adresse e-mail&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; skipped.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a handle; skipped.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un pseudonyme&#xa0;; ignorée.</translation>
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
    <message>
        <source>Engagement score %1</source>
        <translation>Score d’engagement %1</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
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
    <message>
        <source>Private notes about this member</source>
        <translation>Notes privées sur ce membre</translation>
    </message>
    <message>
        <source>Save Notes</source>
        <translation>Enregistrer les notes</translation>
    </message>
    <message>
        <source>Unsaved Notes</source>
        <translation>Notes non enregistrées</translation>
    </message>
    <message>
        <source>Save your notes about the previous member?</source>
        <translation>Enregistrer vos notes sur le membre précédent ?</translation>
    </message>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Continuer à modifier</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>Ajouter...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Modifier...</translation>
    </message>
    <message>
        <source>Tag...</source>
        <translation>Étiqueter...</translation>
    </message>
    <message>
        <source>Remove Tag...</source>
        <translation>Retirer une étiquette...</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Fusionner...</translation>
    </message>
    <message>
        <source>Find Duplicates...</source>
        <translation>Rechercher les doublons...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Erase Personal Data...</source>
        <translation>Effacer les données personnelles...</translation>
    </message>
    <message>
        <source>Engagement Levels...</source>
        <translation>Niveaux d’engagement...</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Engagement: %1</source>
        <translation>Engagement&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Activity in the %n day(s) up to %1:</source>
        <translation>
            <numerusform>Activité sur %n jour jusqu’au %1&#xa0;:</numerusform>
            <numerusform>Activité sur les %n jours jusqu’au %1&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Exploring below %1, Participating from %1, Contributing from %2, Leading from %3; Inactive without activity in the window.</source>
        <translation>Explorateur en dessous de %1, Participant à partir de %1, Contributeur à partir de %2, Meneur à partir de %3&#xa0;; Inactif sans activité sur la période.</translation>
    </message>
    <message>
        <source>The table still shows %1 (score %2) from the last recompute.</source>
        <translation>Le tableau affiche encore %1 (score %2) issu du dernier recalcul.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Delete Members</source>
        <translation>Supprimer des membres</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)? Their posts stay without an author. Edit ▸ Undo brings them back.</source>
        <translation>
            <numerusform>Supprimer %n membre&#xa0;? Ses messages restent sans auteur. Édition ▸ Annuler le rétablit.</numerusform>
            <numerusform>Supprimer %n membres&#xa0;? Leurs messages restent sans auteur. Édition ▸ Annuler les rétablit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)</source>
        <translation>
            <numerusform>Supprimer %n membre</numerusform>
            <numerusform>Supprimer %n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Members</source>
        <translation>Étiqueter des membres</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Retirer l’étiquette</translation>
    </message>
    <message numerus="yes">
        <source>Tag the %n selected member(s) with:</source>
        <translation>
            <numerusform>Étiqueter le membre sélectionné avec&#xa0;:</numerusform>
            <numerusform>Étiqueter les %n membres sélectionnés avec&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove this tag from the %n selected member(s):</source>
        <translation>
            <numerusform>Retirer cette étiquette du membre sélectionné&#xa0;:</numerusform>
            <numerusform>Retirer cette étiquette des %n membres sélectionnés&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n member(s) with %1</source>
        <translation>
            <numerusform>Étiqueter %n membre avec %1</numerusform>
            <numerusform>Étiqueter %n membres avec %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %n member(s)</source>
        <translation>
            <numerusform>Retirer %1 de %n membre</numerusform>
            <numerusform>Retirer %1 de %n membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n member(s) into %1</source>
        <translation>
            <numerusform>Fusionner %n membre dans %1</numerusform>
            <numerusform>Fusionner %n membres dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase Personal Data</source>
        <translation>Effacer les données personnelles</translation>
    </message>
    <message>
        <source>Erase one member at a time.</source>
        <translation>Effacez un seul membre à la fois.</translation>
    </message>
    <message>
        <source>Computing engagement levels...</source>
        <translation>Calcul des niveaux d’engagement...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>MergeMembersDialog</name>
    <message>
        <source>Merge Members</source>
        <translation>Fusionner des membres</translation>
    </message>
    <message>
        <source>Suggested because of the %1.</source>
        <translation>Suggéré pour la raison suivante&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Keep this member; the identities, posts, mentions and tags of the others move to it and the others are removed:</source>
        <translation>Conserver ce membre&#xa0;; les identités, messages, mentions et étiquettes des autres lui sont transférés, et les autres sont supprimés&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n post(s))</source>
        <translation>
            <numerusform>%1 (%n message)</numerusform>
            <numerusform>%1 (%n messages)</numerusform>
        </translation>
    </message>
    <message>
        <source>A merge can be undone with Edit ▸ Undo, also after a restart (watercooler members unmerge).</source>
        <translation>Une fusion peut être annulée avec Édition ▸ Annuler, même après un redémarrage (watercooler members unmerge).</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
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
    <name>OpmlDocument</name>
    <message>
        <source>Invalid XML at line %1: %2</source>
        <translation>XML invalide à la ligne %1 : %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>Not an OPML document: the root element is &lt;%1&gt;.</source>
        <translation>Ce n’est pas un document OPML : l’élément racine est &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>Unsupported OPML version &quot;%1&quot;.</source>
        <translation>Version OPML non prise en charge « %1 ».</translation>
    </message>
    <message>
        <source>The OPML document has no body.</source>
        <translation>Le document OPML n’a pas de corps (body).</translation>
    </message>
    <message>
        <source>The OPML body has no outlines.</source>
        <translation>Le corps OPML ne contient aucune entrée (outline).</translation>
    </message>
</context>
<context>
    <name>OpmlSubscriptions</name>
    <message>
        <source>This is not a usable OPML file: %1</source>
        <translation>Ce n’est pas un fichier OPML utilisable : %1</translation>
    </message>
    <message>
        <source>Watercooler subscriptions</source>
        <translation>Abonnements Watercooler</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>The server asks for the password of %1 to open %2.</source>
        <translation>Le serveur demande le mot de passe de %1 pour ouvrir %2.</translation>
    </message>
    <message>
        <source>your role</source>
        <translation>votre rôle</translation>
    </message>
    <message>
        <source>That password was not accepted.</source>
        <translation>Ce mot de passe n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>Team Database Password</source>
        <translation>Mot de passe de la base de données d&apos;équipe</translation>
    </message>
</context>
<context>
    <name>PostsCsvImporter</name>
    <message>
        <source>Post id</source>
        <translation>Identifiant du message</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Discussion id</source>
        <translation>Identifiant de la discussion</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Parent post id</source>
        <translation>Identifiant du message parent</translation>
    </message>
    <message>
        <source>No column names the discussion.</source>
        <translation>Aucune colonne n’indique la discussion.</translation>
    </message>
    <message>
        <source>No column holds the text.</source>
        <translation>Aucune colonne ne contient le texte.</translation>
    </message>
    <message>
        <source>no discussion; skipped.</source>
        <translation>aucune discussion&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>no time; skipped.</source>
        <translation>aucune heure&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (use e.g. 2024-05-01T10:00:00Z); skipped.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une date et heure (utilisez p. ex. 2024-05-01T10:00:00Z)&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>no text; skipped.</source>
        <translation>aucun texte&#xa0;; ignorée.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the community database</source>
        <translation>Impossible d&apos;ouvrir la base de données de la communauté</translation>
    </message>
    <message>
        <source>No password given for %1.</source>
        <translation>Aucun mot de passe fourni pour %1.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Deleted member</source>
        <translation>Membre supprimé</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Publié</translation>
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
    <message>
        <source>Needs a response</source>
        <translation>Attend une réponse</translation>
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
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Import Chat Transcript</source>
        <translation>Importer une transcription de chat</translation>
    </message>
    <message>
        <source>Paste a chat below or open a file: a numbered list of tweets copied from a web page, a Zoom chat, or &quot;Name: text&quot; lines. It becomes one discussion.</source>
        <translation>Collez un chat ci-dessous ou ouvrez un fichier&#xa0;: une liste numérotée de tweets copiée depuis une page web, un chat Zoom ou des lignes «&#xa0;Nom&#xa0;: texte&#xa0;». Il devient une seule discussion.</translation>
    </message>
    <message>
        <source>1. Ada Lovelaceadal
@charlesb thanks for the #notes</source>
        <translation>1. Ada Lovelaceadal
@charlesb merci pour les #notes</translation>
    </message>
    <message>
        <source>&amp;Open File...</source>
        <translation>&amp;Ouvrir un fichier...</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <source>e.g. Community call, May 2024</source>
        <translation>p. ex. Réunion de la communauté, mai 2024</translation>
    </message>
    <message>
        <source>Members are matched by handle or name on this source.</source>
        <translation>Les membres sont reconnus par pseudonyme ou par nom sur cette source.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Discussion:</source>
        <translation>&amp;Discussion&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>A dit</translation>
    </message>
    <message>
        <source>Who said what</source>
        <translation>Qui a dit quoi</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n’a été importé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>L’importation a été annulée&#xa0;; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is too large for a transcript.</source>
        <translation>%1 est trop volumineux pour une transcription.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Open Chat Transcript</source>
        <translation>Ouvrir une transcription de chat</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Paste or open a transcript.</source>
        <translation>Collez ou ouvrez une transcription.</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Détecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Read as: %1 (detected: %2)</source>
        <translation>Lu comme&#xa0;: %1 (détecté&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>[repost of @%1] %2</source>
        <translation>[repartage de @%1] %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Aucun message trouvé.</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) into &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n message importé dans «&#xa0;%1&#xa0;».</numerusform>
            <numerusform>%n messages importés dans «&#xa0;%1&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importation...</translation>
    </message>
</context>
<context>
    <name>TranscriptImporter</name>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
</context>
<context>
    <name>TranscriptParser</name>
    <message>
        <source>List of tweets</source>
        <translation>Liste de tweets</translation>
    </message>
    <message>
        <source>Zoom chat</source>
        <translation>Chat Zoom</translation>
    </message>
    <message>
        <source>&quot;Name: text&quot; lines</source>
        <translation>Lignes «&#xa0;Nom&#xa0;: texte&#xa0;»</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>This is not a transcript Watercooler knows: no numbered tweets, no Zoom chat lines and no &quot;Name: text&quot; lines.</source>
        <translation>Ce n’est pas une transcription que Watercooler connaît&#xa0;: ni tweets numérotés, ni lignes de chat Zoom, ni lignes «&#xa0;Nom&#xa0;: texte&#xa0;».</translation>
    </message>
    <message>
        <source>Text before the first numbered entry; skipped.</source>
        <translation>Texte avant la première entrée numérotée&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>Guessed &quot;%1&quot; as the name and &quot;@%2&quot; as the handle.</source>
        <translation>«&#xa0;%1&#xa0;» supposé être le nom et «&#xa0;@%2&#xa0;» le pseudonyme.</translation>
    </message>
    <message>
        <source>No handle found in &quot;%1&quot;; kept as a name.</source>
        <translation>Aucun pseudonyme trouvé dans «&#xa0;%1&#xa0;»&#xa0;; conservé comme nom.</translation>
    </message>
    <message>
        <source>An entry without text; skipped.</source>
        <translation>Une entrée sans texte&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>Not a chat line; skipped.</source>
        <translation>Pas une ligne de chat&#xa0;; ignorée.</translation>
    </message>
    <message>
        <source>A private message from %1; not imported.</source>
        <translation>Un message privé de %1&#xa0;; non importé.</translation>
    </message>
    <message>
        <source>A message without text; skipped.</source>
        <translation>Un message sans texte&#xa0;; ignoré.</translation>
    </message>
    <message>
        <source>No speaker (&quot;Name: text&quot;); skipped.</source>
        <translation>Aucun intervenant («&#xa0;Nom&#xa0;: texte&#xa0;»)&#xa0;; ignorée.</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Members CSV...</source>
        <translation>CSV des &amp;membres...</translation>
    </message>
    <message>
        <source>&amp;Posts CSV...</source>
        <translation>CSV des m&amp;essages...</translation>
    </message>
    <message>
        <source>Chat &amp;Transcript...</source>
        <translation>&amp;Transcription de chat...</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Import Members CSV</source>
        <translation>Importer un CSV de membres</translation>
    </message>
    <message>
        <source>Import Posts CSV</source>
        <translation>Importer un CSV de messages</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Members CSV</source>
        <translation>Exporter le CSV des membres</translation>
    </message>
    <message>
        <source>Export Posts CSV</source>
        <translation>Exporter le CSV des messages</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting members...</source>
        <translation>Exportation des membres...</translation>
    </message>
    <message>
        <source>Exporting posts...</source>
        <translation>Exportation des messages...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>%n membre écrit dans %1.</numerusform>
            <numerusform>%n membres écrits dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>%n message écrit dans %1.</numerusform>
            <numerusform>%n messages écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed; %1 was left as it was: %2</source>
        <translation>L’exportation a échoué&#xa0;; %1 est resté inchangé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was.</source>
        <translation>L’exportation a été annulée&#xa0;; %1 est resté inchangé.</translation>
    </message>
</context>
</TS>
