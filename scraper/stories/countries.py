"""Country names in the story languages, for the place-conflict signal: data, no logic.

One line per country (or more, with the same code): ISO 3166-1 alpha-2 code,
then English, French and Arabic names separated by ``|``, alternatives by
``;``: common short names, and the adjective where it is the usual way news
text names the country ("Peruvian police", « la police péruvienne »; Arabic
adjectives such as «التونسي» reduce to the name's stem already). Names whose
stem is also a common word are written in a longer form («مملكة البحرين», not
«البحرين», whose stem is «بحر», "sea") or left to the adjective (French
« malien », as « Mali » stems to « mal »), and "Georgia" is left out in
English (a US state). Written for this project from general knowledge. Extend a line
or add a language column rather than adding code.

New articles are matched on the words as written (Arabic: every form of a
name and of its adjective, see :mod:`scraper.stories.arabic_countries`, with
:data:`ARABIC_EXTRA_FORMS` below; cased scripts: capitals checked, see
:mod:`scraper.stories.latin_countries`); the stems above still serve docs
stored before that (:func:`scraper.stories.features.doc_countries`).
"""

from __future__ import annotations

COUNTRY_TABLE = """
AF | Afghanistan; Afghan | Afghanistan; afghan | أفغانستان
AL | Albania; Albanian | Albanie; albanais | جمهورية ألبانيا
DZ | Algeria; Algerian | Algérie; algérien | الجزائر
AD | Andorra | Andorre | أندورا
AO | Angola; Angolan | Angola; angolais | أنغولا
AG | Antigua and Barbuda | Antigua-et-Barbuda | أنتيغوا وباربودا
AR | Argentina; Argentine; Argentinian | Argentine; argentin | الأرجنتين
AM | Armenia; Armenian | Arménie; arménien | أرمينيا
AU | Australia; Australian | Australie; australien | أستراليا
AT | Austria; Austrian | Autriche; autrichien | النمسا
AZ | Azerbaijan; Azerbaijani | Azerbaïdjan; azerbaïdjanais | أذربيجان
BS | Bahamas | Bahamas | الباهاما
BH | Bahrain; Bahraini | Bahreïn; bahreïni | مملكة البحرين
BD | Bangladesh; Bangladeshi | Bangladesh; bangladais | بنغلاديش
BB | Barbados | Barbade | باربادوس
BY | Belarus; Belarusian | Biélorussie; Bélarus; biélorusse | بيلاروسيا
BE | Belgium; Belgian | Belgique; belge | بلجيكا
BZ | Belize | Belize | بليز
BJ | Benin; Beninese | Bénin; béninois | بنين
BT | Bhutan | Bhoutan | بوتان
BO | Bolivia; Bolivian | Bolivie; bolivien | بوليفيا
BA | Bosnia; Bosnian | Bosnie; bosnien | البوسنة
BW | Botswana | Botswana | بوتسوانا
BR | Brazil; Brazilian | Brésil; brésilien | البرازيل
BN | Brunei | Brunei | بروناي
BG | Bulgaria; Bulgarian | Bulgarie; bulgare | بلغاريا
BF | Burkina Faso | Burkina Faso; burkinabè | بوركينا فاسو
BI | Burundi | Burundi | بوروندي
CV | Cape Verde | Cap-Vert | الرأس الأخضر
KH | Cambodia; Cambodian | Cambodge; cambodgien | كمبوديا
CM | Cameroon; Cameroonian | Cameroun; camerounais | الكاميرون
CA | Canada; Canadian | Canada; canadien | كندا
CF | Central African Republic | Centrafrique; centrafricain | أفريقيا الوسطى
TD | Chad; Chadian | Tchad; tchadien | تشاد
CL | Chile; Chilean | Chili; chilien | تشيلي
CN | China; Chinese | Chine; chinois | الصين
CO | Colombia; Colombian | Colombie; colombien | كولومبيا
KM | Comoros | Comores | جزر القمر
CG | Congo | Congo | الكونغو
CR | Costa Rica | Costa Rica | كوستاريكا
CI | Ivory Coast; Ivorian | Côte d'Ivoire; ivoirien | ساحل العاج
HR | Croatia; Croatian | Croatie; croate | كرواتيا
CU | Cuba; Cuban | cubain | كوبا
CY | Cyprus; Cypriot | Chypre; chypriote | قبرص
CZ | Czech Republic; Czechia | Tchéquie; tchèque | التشيك
DK | Denmark; Danish | Danemark; danois | الدنمارك
DJ | Djibouti | Djibouti | جيبوتي
DM | Dominica | Dominique | دومينيكا
DO | Dominican Republic | République dominicaine | الدومينيكان
EC | Ecuador; Ecuadorian | Équateur; équatorien | الإكوادور
EG | Egypt; Egyptian | Égypte; égyptien | مصر
SV | El Salvador | Salvador | السلفادور
GQ | Equatorial Guinea | Guinée équatoriale | غينيا الاستوائية
ER | Eritrea; Eritrean | Érythrée; érythréen | إريتريا
EE | Estonia; Estonian | Estonie; estonien | إستونيا
SZ | Eswatini; Swaziland | Eswatini | إسواتيني
ET | Ethiopia; Ethiopian | Éthiopie; éthiopien | إثيوبيا
FJ | Fiji | Fidji | فيجي
FI | Finland; Finnish | Finlande; finlandais | فنلندا
FR | France; French | France; français | فرنسا
GA | Gabon; Gabonese | Gabon; gabonais | جمهورية الغابون
GM | Gambia | Gambie | غامبيا
GE |  | Géorgie; géorgien | جمهورية جورجيا
DE | Germany; German | Allemagne; allemand | ألمانيا; الألماني
GH | Ghana; Ghanaian | Ghana; ghanéen | غانا
GR | Greece; Greek | Grèce; grec | اليونان
GD | Grenada | Grenade | غرينادا
GT | Guatemala | Guatemala | غواتيمالا
GN | Guinea; Guinean | Guinée; guinéen | غينيا
GW | Guinea-Bissau | Guinée-Bissau | غينيا بيساو
GY | Guyana | Guyana | غيانا
HT | Haiti; Haitian | Haïti; haïtien | هايتي
HN | Honduras | Honduras | هندوراس
HU | Hungary; Hungarian | Hongrie; hongrois | هنغاريا
IS | Iceland; Icelandic | Islande; islandais | آيسلندا
IN | India; Indian | Inde; indien | الهند
ID | Indonesia; Indonesian | Indonésie; indonésien | إندونيسيا
IR | Iran; Iranian | Iran; iranien | إيران
IQ | Iraq; Iraqi | Irak; irakien | العراق
IE | Republic of Ireland; Irish Republic | République d'Irlande | جمهورية أيرلندا
IL | Israel; Israeli | Israël; israélien | إسرائيل
IT | Italy; Italian | Italie; italien | إيطاليا
JM | Jamaica; Jamaican | Jamaïque; jamaïcain | جامايكا
JP | Japan; Japanese | Japon; japonais | اليابان
JO | Jordan; Jordanian | Jordanie; jordanien | الأردن
KZ | Kazakhstan | Kazakhstan | كازاخستان
KE | Kenya; Kenyan | Kenya; kényan | كينيا
KI | Kiribati | Kiribati | كيريباتي
KP | North Korea; North Korean | Corée du Nord; nord-coréen | كوريا الشمالية
KR | South Korea; South Korean | Corée du Sud; sud-coréen | كوريا الجنوبية
XK | Kosovo | Kosovo | كوسوفو
KW | Kuwait; Kuwaiti | Koweït; koweïtien | الكويت
KG | Kyrgyzstan | Kirghizistan | قيرغيزستان
LA | Laos | Laos | لاوس
LV | Latvia; Latvian | Lettonie; letton | لاتفيا
LB | Lebanon; Lebanese | Liban; libanais | لبنان
LS | Lesotho | Lesotho | ليسوتو
LR | Liberia; Liberian | Liberia; libérien | ليبيريا
LY | Libya; Libyan | Libye; libyen | ليبيا
LI | Liechtenstein | Liechtenstein | ليختنشتاين
LT | Lithuania; Lithuanian | Lituanie; lituanien | ليتوانيا
LU | Luxembourg | Luxembourg | لوكسمبورغ
MG | Madagascar | Madagascar; malgache | مدغشقر
MW | Malawi | Malawi | مالاوي
MY | Malaysia; Malaysian | Malaisie; malaisien | ماليزيا
MV | Maldives | Maldives | جزر المالديف
ML | Mali; Malian | malien | جمهورية مالي
MT | Malta; Maltese | Malte; maltais | مالطا
MH | Marshall Islands | Îles Marshall | جزر مارشال
MR | Mauritania; Mauritanian | Mauritanie; mauritanien | موريتانيا
MU | Mauritius | Maurice | موريشيوس
MX | Mexico; Mexican | Mexique; mexicain | المكسيك
FM | Micronesia | Micronésie | ميكرونيزيا
MD | Moldova; Moldovan | Moldavie; moldave | مولدوفا
MC | Monaco | Monaco | موناكو
MN | Mongolia; Mongolian | Mongolie; mongol | منغوليا
ME | Montenegro | Monténégro | الجبل الأسود
MA | Morocco; Moroccan | Maroc; marocain | المغرب
MZ | Mozambique | Mozambique | موزمبيق
MM | Myanmar; Burma | Birmanie; Myanmar | ميانمار
NA | Namibia | Namibie | ناميبيا
NR | Nauru | Nauru | ناورو
NP | Nepal; Nepalese | Népal; népalais | نيبال
NL | Netherlands; Dutch | néerlandais | هولندا
NZ | New Zealand | Nouvelle-Zélande | نيوزيلندا
NI | Nicaragua | Nicaragua | نيكاراغوا
NE | Niger; Nigerien | Niger; nigérien | النيجر
NG | Nigeria; Nigerian | Nigeria; nigérian | نيجيريا
MK | North Macedonia | Macédoine du Nord | مقدونيا الشمالية
NO | Norway; Norwegian | Norvège; norvégien | النرويج
OM | Oman; Omani | Oman; omanais | سلطنة عمان
PK | Pakistan; Pakistani | Pakistan; pakistanais | باكستان
PW | Palau | Palaos | جمهورية بالاو
PS | Palestine; Palestinian | Palestine; palestinien | فلسطين
PA | Panama | Panama | بنما
PG | Papua New Guinea | Papouasie-Nouvelle-Guinée | بابوا غينيا الجديدة
PY | Paraguay | Paraguay | باراغواي
PE | Peru; Peruvian | Pérou; péruvien | بيرو
PH | Philippines; Filipino | Philippines; philippin | الفلبين
PL | Poland; Polish | Pologne; polonais | بولندا
PT | Portugal; Portuguese | Portugal; portugais | البرتغال
QA | Qatar; Qatari | Qatar; qatari | قطر
RO | Romania; Romanian | Roumanie; roumain | رومانيا
RU | Russia; Russian | Russie; russe | روسيا
RW | Rwanda; Rwandan | Rwanda; rwandais | رواندا
KN | Saint Kitts and Nevis | Saint-Christophe-et-Niévès | سانت كيتس ونيفيس
LC | Saint Lucia | Sainte-Lucie | سانت لوسيا
VC | Saint Vincent and the Grenadines | Saint-Vincent-et-les-Grenadines | سانت فنسنت والغرينادين
WS | Samoa | Samoa | ساموا
SM | San Marino | Saint-Marin | سان مارينو
ST | Sao Tome and Principe | Sao Tomé-et-Principe | ساو تومي وبرينسيب
SA | Saudi Arabia; Saudi | Arabie saoudite; saoudien | السعودية
SN | Senegal; Senegalese | Sénégal; sénégalais | السنغال
RS | Serbia; Serbian | Serbie; serbe | صربيا
SC | Seychelles | Seychelles | سيشل
SL | Sierra Leone | Sierra Leone | سيراليون
SG | Singapore | Singapour | سنغافورة
SK | Slovakia; Slovak | Slovaquie; slovaque | سلوفاكيا
SI | Slovenia; Slovenian | Slovénie; slovène | سلوفينيا
SB | Solomon Islands | Îles Salomon | جزر سليمان
SO | Somalia; Somali | Somalie; somalien | الصومال
ZA | South Africa; South African | Afrique du Sud; sud-africain | جنوب أفريقيا
SS | South Sudan | Soudan du Sud | جنوب السودان
ES | Spain; Spanish | Espagne; espagnol | إسبانيا
LK | Sri Lanka | Sri Lanka | سريلانكا
SD | Sudan; Sudanese | Soudan; soudanais | السودان
SR | Suriname | Suriname | سورينام
SE | Sweden; Swedish | Suède; suédois | السويد
CH | Switzerland; Swiss | Suisse | سويسرا
SY | Syria; Syrian | Syrie; syrien | سوريا
TW | Taiwan; Taiwanese | Taïwan; taïwanais | تايوان
TJ | Tajikistan | Tadjikistan | طاجيكستان
TZ | Tanzania; Tanzanian | Tanzanie; tanzanien | تنزانيا
TH | Thailand; Thai | Thaïlande; thaïlandais | تايلاند
TL | East Timor; Timor-Leste | Timor oriental | تيمور الشرقية
TG | Togo; Togolese | Togo; togolais | توغو
TO | Tonga | Tonga | تونغا
TT | Trinidad and Tobago | Trinité-et-Tobago | ترينيداد وتوباغو
TN | Tunisia; Tunisian | Tunisie; tunisien | تونس
TR | Turkey; Turkish; Türkiye | Turquie; turc | تركيا
TM | Turkmenistan | Turkménistan | تركمانستان
TV | Tuvalu | Tuvalu | توفالو
UG | Uganda; Ugandan | Ouganda; ougandais | أوغندا
UA | Ukraine; Ukrainian | Ukraine; ukrainien | أوكرانيا
AE | United Arab Emirates; Emirati; UAE | Émirats arabes unis; émirien | الإمارات
GB | United Kingdom; UK; Britain; British | Royaume-Uni; britannique | بريطانيا
GB | England; English; Scotland; Scottish | Angleterre; Écosse | إنجلترا; اسكتلندا
GB | Wales; Welsh; Northern Ireland | Grande-Bretagne; pays de Galles | المملكة المتحدة; ويلز
US | United States; American; America; USA; US | États-Unis; américain | الولايات المتحدة; أمريكا
UY | Uruguay; Uruguayan | Uruguay; uruguayen | الأوروغواي
UZ | Uzbekistan; Uzbek | Ouzbékistan; ouzbek | أوزبكستان
VU | Vanuatu | Vanuatu | فانواتو
VA | Vatican | Vatican | الفاتيكان
VE | Venezuela; Venezuelan | Venezuela; vénézuélien | فنزويلا
VN | Vietnam; Vietnamese | Viêt Nam; Vietnam; vietnamien | فيتنام
YE | Yemen; Yemeni | Yémen; yéménite | اليمن
ZM | Zambia; Zambian | Zambie; zambien | زامبيا
ZW | Zimbabwe; Zimbabwean | Zimbabwe; zimbabwéen | زيمبابوي
"""

# Columns of COUNTRY_TABLE after the code.
TABLE_LANGUAGES = ("en", "fr", "ar")

# Arabic surface forms that the rules of :mod:`scraper.stories.arabic_countries`
# do not derive from the Arabic column above: irregular adjectives and broken
# plurals («الأتراك», «نمساوي»), other spellings («أميركا»), and names
# that the column writes long only because their Snowball stem is a common word
# (the surface form «البحرين» is not «بحر»). One line per country: code, then
# forms separated by ``;``. A one-word adjective is written in the masculine
# singular (in ي): its feminine and plural endings are added by rule; any other
# form is matched as written, the article of its first word optional. Names
# that are common words as written stay out («مالي» is "financial").
ARABIC_EXTRA_FORMS = """
AF | أفغاني
AT | نمساوي
BH | البحرين; بحريني
CG | كونغولي
DE | ألمان
GB | إنجليز; إنجليزي
KP | الكوري الشمالي; الكورية الشمالية; الكوريين الشماليين
KR | الكوري الجنوبي; الكورية الجنوبية; الكوريين الجنوبيين
OM | عماني
RU | الروس
TR | الأتراك
US | أميركا; أميركي; أمريكان
"""
