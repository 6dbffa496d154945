// Resolves the HTML named entities (&hellip;, &nbsp;, ...) that feeds use without declaring them.
#include "htmlentityresolver.h"

#include <QHash>
#include <QRegularExpression>

QString HtmlEntityResolver::character(const QString &name)
{
    static const QHash<QString, char32_t> table = {
        {QStringLiteral("AElig"), 0x00C6},   {QStringLiteral("Aacute"), 0x00C1},
        {QStringLiteral("Acirc"), 0x00C2},   {QStringLiteral("Agrave"), 0x00C0},
        {QStringLiteral("Alpha"), 0x0391},   {QStringLiteral("Aring"), 0x00C5},
        {QStringLiteral("Atilde"), 0x00C3},  {QStringLiteral("Auml"), 0x00C4},
        {QStringLiteral("Beta"), 0x0392},    {QStringLiteral("Ccedil"), 0x00C7},
        {QStringLiteral("Chi"), 0x03A7},     {QStringLiteral("Dagger"), 0x2021},
        {QStringLiteral("Delta"), 0x0394},   {QStringLiteral("ETH"), 0x00D0},
        {QStringLiteral("Eacute"), 0x00C9},  {QStringLiteral("Ecirc"), 0x00CA},
        {QStringLiteral("Egrave"), 0x00C8},  {QStringLiteral("Epsilon"), 0x0395},
        {QStringLiteral("Eta"), 0x0397},     {QStringLiteral("Euml"), 0x00CB},
        {QStringLiteral("Gamma"), 0x0393},   {QStringLiteral("Iacute"), 0x00CD},
        {QStringLiteral("Icirc"), 0x00CE},   {QStringLiteral("Igrave"), 0x00CC},
        {QStringLiteral("Iota"), 0x0399},    {QStringLiteral("Iuml"), 0x00CF},
        {QStringLiteral("Kappa"), 0x039A},   {QStringLiteral("Lambda"), 0x039B},
        {QStringLiteral("Mu"), 0x039C},      {QStringLiteral("Ntilde"), 0x00D1},
        {QStringLiteral("Nu"), 0x039D},      {QStringLiteral("OElig"), 0x0152},
        {QStringLiteral("Oacute"), 0x00D3},  {QStringLiteral("Ocirc"), 0x00D4},
        {QStringLiteral("Ograve"), 0x00D2},  {QStringLiteral("Omega"), 0x03A9},
        {QStringLiteral("Omicron"), 0x039F}, {QStringLiteral("Oslash"), 0x00D8},
        {QStringLiteral("Otilde"), 0x00D5},  {QStringLiteral("Ouml"), 0x00D6},
        {QStringLiteral("Phi"), 0x03A6},     {QStringLiteral("Pi"), 0x03A0},
        {QStringLiteral("Prime"), 0x2033},   {QStringLiteral("Psi"), 0x03A8},
        {QStringLiteral("Rho"), 0x03A1},     {QStringLiteral("Scaron"), 0x0160},
        {QStringLiteral("Sigma"), 0x03A3},   {QStringLiteral("THORN"), 0x00DE},
        {QStringLiteral("Tau"), 0x03A4},     {QStringLiteral("Theta"), 0x0398},
        {QStringLiteral("Uacute"), 0x00DA},  {QStringLiteral("Ucirc"), 0x00DB},
        {QStringLiteral("Ugrave"), 0x00D9},  {QStringLiteral("Upsilon"), 0x03A5},
        {QStringLiteral("Uuml"), 0x00DC},    {QStringLiteral("Xi"), 0x039E},
        {QStringLiteral("Yacute"), 0x00DD},  {QStringLiteral("Yuml"), 0x0178},
        {QStringLiteral("Zeta"), 0x0396},    {QStringLiteral("aacute"), 0x00E1},
        {QStringLiteral("acirc"), 0x00E2},   {QStringLiteral("acute"), 0x00B4},
        {QStringLiteral("aelig"), 0x00E6},   {QStringLiteral("agrave"), 0x00E0},
        {QStringLiteral("alefsym"), 0x2135}, {QStringLiteral("alpha"), 0x03B1},
        {QStringLiteral("amp"), 0x0026},     {QStringLiteral("and"), 0x2227},
        {QStringLiteral("ang"), 0x2220},     {QStringLiteral("aring"), 0x00E5},
        {QStringLiteral("asymp"), 0x2248},   {QStringLiteral("atilde"), 0x00E3},
        {QStringLiteral("auml"), 0x00E4},    {QStringLiteral("bdquo"), 0x201E},
        {QStringLiteral("beta"), 0x03B2},    {QStringLiteral("brvbar"), 0x00A6},
        {QStringLiteral("bull"), 0x2022},    {QStringLiteral("cap"), 0x2229},
        {QStringLiteral("ccedil"), 0x00E7},  {QStringLiteral("cedil"), 0x00B8},
        {QStringLiteral("cent"), 0x00A2},    {QStringLiteral("chi"), 0x03C7},
        {QStringLiteral("circ"), 0x02C6},    {QStringLiteral("clubs"), 0x2663},
        {QStringLiteral("cong"), 0x2245},    {QStringLiteral("copy"), 0x00A9},
        {QStringLiteral("crarr"), 0x21B5},   {QStringLiteral("cup"), 0x222A},
        {QStringLiteral("curren"), 0x00A4},  {QStringLiteral("dArr"), 0x21D3},
        {QStringLiteral("dagger"), 0x2020},  {QStringLiteral("darr"), 0x2193},
        {QStringLiteral("deg"), 0x00B0},     {QStringLiteral("delta"), 0x03B4},
        {QStringLiteral("diams"), 0x2666},   {QStringLiteral("divide"), 0x00F7},
        {QStringLiteral("eacute"), 0x00E9},  {QStringLiteral("ecirc"), 0x00EA},
        {QStringLiteral("egrave"), 0x00E8},  {QStringLiteral("empty"), 0x2205},
        {QStringLiteral("emsp"), 0x2003},    {QStringLiteral("ensp"), 0x2002},
        {QStringLiteral("epsilon"), 0x03B5}, {QStringLiteral("equiv"), 0x2261},
        {QStringLiteral("eta"), 0x03B7},     {QStringLiteral("eth"), 0x00F0},
        {QStringLiteral("euml"), 0x00EB},    {QStringLiteral("euro"), 0x20AC},
        {QStringLiteral("exist"), 0x2203},   {QStringLiteral("fnof"), 0x0192},
        {QStringLiteral("forall"), 0x2200},  {QStringLiteral("frac12"), 0x00BD},
        {QStringLiteral("frac14"), 0x00BC},  {QStringLiteral("frac34"), 0x00BE},
        {QStringLiteral("frasl"), 0x2044},   {QStringLiteral("gamma"), 0x03B3},
        {QStringLiteral("ge"), 0x2265},      {QStringLiteral("gt"), 0x003E},
        {QStringLiteral("hArr"), 0x21D4},    {QStringLiteral("harr"), 0x2194},
        {QStringLiteral("hearts"), 0x2665},  {QStringLiteral("hellip"), 0x2026},
        {QStringLiteral("iacute"), 0x00ED},  {QStringLiteral("icirc"), 0x00EE},
        {QStringLiteral("iexcl"), 0x00A1},   {QStringLiteral("igrave"), 0x00EC},
        {QStringLiteral("image"), 0x2111},   {QStringLiteral("infin"), 0x221E},
        {QStringLiteral("int"), 0x222B},     {QStringLiteral("iota"), 0x03B9},
        {QStringLiteral("iquest"), 0x00BF},  {QStringLiteral("isin"), 0x2208},
        {QStringLiteral("iuml"), 0x00EF},    {QStringLiteral("kappa"), 0x03BA},
        {QStringLiteral("lArr"), 0x21D0},    {QStringLiteral("lambda"), 0x03BB},
        {QStringLiteral("lang"), 0x2329},    {QStringLiteral("laquo"), 0x00AB},
        {QStringLiteral("larr"), 0x2190},    {QStringLiteral("lceil"), 0x2308},
        {QStringLiteral("ldquo"), 0x201C},   {QStringLiteral("le"), 0x2264},
        {QStringLiteral("lfloor"), 0x230A},  {QStringLiteral("lowast"), 0x2217},
        {QStringLiteral("loz"), 0x25CA},     {QStringLiteral("lrm"), 0x200E},
        {QStringLiteral("lsaquo"), 0x2039},  {QStringLiteral("lsquo"), 0x2018},
        {QStringLiteral("lt"), 0x003C},      {QStringLiteral("macr"), 0x00AF},
        {QStringLiteral("mdash"), 0x2014},   {QStringLiteral("micro"), 0x00B5},
        {QStringLiteral("middot"), 0x00B7},  {QStringLiteral("minus"), 0x2212},
        {QStringLiteral("mu"), 0x03BC},      {QStringLiteral("nabla"), 0x2207},
        {QStringLiteral("nbsp"), 0x00A0},    {QStringLiteral("ndash"), 0x2013},
        {QStringLiteral("ne"), 0x2260},      {QStringLiteral("ni"), 0x220B},
        {QStringLiteral("not"), 0x00AC},     {QStringLiteral("notin"), 0x2209},
        {QStringLiteral("nsub"), 0x2284},    {QStringLiteral("ntilde"), 0x00F1},
        {QStringLiteral("nu"), 0x03BD},      {QStringLiteral("oacute"), 0x00F3},
        {QStringLiteral("ocirc"), 0x00F4},   {QStringLiteral("oelig"), 0x0153},
        {QStringLiteral("ograve"), 0x00F2},  {QStringLiteral("oline"), 0x203E},
        {QStringLiteral("omega"), 0x03C9},   {QStringLiteral("omicron"), 0x03BF},
        {QStringLiteral("oplus"), 0x2295},   {QStringLiteral("or"), 0x2228},
        {QStringLiteral("ordf"), 0x00AA},    {QStringLiteral("ordm"), 0x00BA},
        {QStringLiteral("oslash"), 0x00F8},  {QStringLiteral("otilde"), 0x00F5},
        {QStringLiteral("otimes"), 0x2297},  {QStringLiteral("ouml"), 0x00F6},
        {QStringLiteral("para"), 0x00B6},    {QStringLiteral("part"), 0x2202},
        {QStringLiteral("permil"), 0x2030},  {QStringLiteral("perp"), 0x22A5},
        {QStringLiteral("phi"), 0x03C6},     {QStringLiteral("pi"), 0x03C0},
        {QStringLiteral("piv"), 0x03D6},     {QStringLiteral("plusmn"), 0x00B1},
        {QStringLiteral("pound"), 0x00A3},   {QStringLiteral("prime"), 0x2032},
        {QStringLiteral("prod"), 0x220F},    {QStringLiteral("prop"), 0x221D},
        {QStringLiteral("psi"), 0x03C8},     {QStringLiteral("quot"), 0x0022},
        {QStringLiteral("rArr"), 0x21D2},    {QStringLiteral("radic"), 0x221A},
        {QStringLiteral("rang"), 0x232A},    {QStringLiteral("raquo"), 0x00BB},
        {QStringLiteral("rarr"), 0x2192},    {QStringLiteral("rceil"), 0x2309},
        {QStringLiteral("rdquo"), 0x201D},   {QStringLiteral("real"), 0x211C},
        {QStringLiteral("reg"), 0x00AE},     {QStringLiteral("rfloor"), 0x230B},
        {QStringLiteral("rho"), 0x03C1},     {QStringLiteral("rlm"), 0x200F},
        {QStringLiteral("rsaquo"), 0x203A},  {QStringLiteral("rsquo"), 0x2019},
        {QStringLiteral("sbquo"), 0x201A},   {QStringLiteral("scaron"), 0x0161},
        {QStringLiteral("sdot"), 0x22C5},    {QStringLiteral("sect"), 0x00A7},
        {QStringLiteral("shy"), 0x00AD},     {QStringLiteral("sigma"), 0x03C3},
        {QStringLiteral("sigmaf"), 0x03C2},  {QStringLiteral("sim"), 0x223C},
        {QStringLiteral("spades"), 0x2660},  {QStringLiteral("sub"), 0x2282},
        {QStringLiteral("sube"), 0x2286},    {QStringLiteral("sum"), 0x2211},
        {QStringLiteral("sup"), 0x2283},     {QStringLiteral("sup1"), 0x00B9},
        {QStringLiteral("sup2"), 0x00B2},    {QStringLiteral("sup3"), 0x00B3},
        {QStringLiteral("supe"), 0x2287},    {QStringLiteral("szlig"), 0x00DF},
        {QStringLiteral("tau"), 0x03C4},     {QStringLiteral("there4"), 0x2234},
        {QStringLiteral("theta"), 0x03B8},   {QStringLiteral("thetasym"), 0x03D1},
        {QStringLiteral("thinsp"), 0x2009},  {QStringLiteral("thorn"), 0x00FE},
        {QStringLiteral("tilde"), 0x02DC},   {QStringLiteral("times"), 0x00D7},
        {QStringLiteral("trade"), 0x2122},   {QStringLiteral("uArr"), 0x21D1},
        {QStringLiteral("uacute"), 0x00FA},  {QStringLiteral("uarr"), 0x2191},
        {QStringLiteral("ucirc"), 0x00FB},   {QStringLiteral("ugrave"), 0x00F9},
        {QStringLiteral("uml"), 0x00A8},     {QStringLiteral("upsih"), 0x03D2},
        {QStringLiteral("upsilon"), 0x03C5}, {QStringLiteral("uuml"), 0x00FC},
        {QStringLiteral("weierp"), 0x2118},  {QStringLiteral("xi"), 0x03BE},
        {QStringLiteral("yacute"), 0x00FD},  {QStringLiteral("yen"), 0x00A5},
        {QStringLiteral("yuml"), 0x00FF},    {QStringLiteral("zeta"), 0x03B6},
        {QStringLiteral("zwj"), 0x200D},     {QStringLiteral("zwnj"), 0x200C},
    };
    const auto it = table.constFind(name);
    if (it == table.constEnd())
        return {};
    const char32_t codePoint = *it;
    return QString::fromUcs4(&codePoint, 1);
}

QString HtmlEntityResolver::decode(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    static const QRegularExpression reference(
        QStringLiteral("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));"));
    QString result;
    result.reserve(text.size());
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = reference.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString replacement;
        if (m.hasCaptured(1) || m.hasCaptured(2)) {
            bool ok = false;
            const uint value = m.hasCaptured(1) ? m.captured(1).toUInt(&ok)
                                                : m.captured(2).toUInt(&ok, 16);
            if (ok && value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF)) {
                const char32_t codePoint = value;
                replacement = QString::fromUcs4(&codePoint, 1);
            }
        } else {
            replacement = character(m.captured(3));
            if (replacement.isEmpty() && m.captured(3) == QLatin1String("apos"))
                replacement = QStringLiteral("'");
        }
        if (replacement.isEmpty())
            continue;
        result += QStringView(text).mid(last, m.capturedStart() - last);
        result += replacement;
        last = m.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}
