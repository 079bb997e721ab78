"""Small word lists that type names when no NER model is installed (the rules mode).

Countries (UN members and common short forms), US states, large cities, nationality adjectives,
and the head words that mark organisations, places and events. They make the rules mode usable,
not good: the spaCy mode is the one to rely on (see `docs/evaluation.md`, "Quotes").
"""

from __future__ import annotations

from typing import Final


def _words(block: str) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in block.split(";") if item.strip())


GPE_NAMES: Final = _words(
    """Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria;
    Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
    Bolivia; Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia;
    Cameroon; Canada; Chad; Chile; China; Colombia; Congo; Costa Rica; Croatia; Cuba; Cyprus;
    Czech Republic; Denmark; Djibouti; Dominica; Dominican Republic; Ecuador; Egypt; El Salvador;
    Eritrea; Estonia; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana;
    Greece; Grenada; Guatemala; Guinea; Guyana; Haiti; Honduras; Hungary; Iceland; India;
    Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kazakhstan; Kenya;
    Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya;
    Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
    Mauritania; Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique;
    Myanmar; Burma; Namibia; Nepal; Netherlands; Holland; New Zealand; Nicaragua; Niger; Nigeria;
    North Korea; South Korea; Korea; Norway; Oman; Pakistan; Palau; Palestine; Panama;
    Papua New Guinea; Paraguay; Peru; Philippines; Poland; Portugal; Qatar; Romania; Russia;
    Rwanda; Samoa; San Marino; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone;
    Singapore; Slovakia; Slovenia; Somalia; South Africa; South Sudan; Spain; Sri Lanka; Sudan;
    Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand; Togo; Tonga;
    Trinidad; Tunisia; Turkey; Turkmenistan; Uganda; Ukraine; United Arab Emirates; UAE;
    United Kingdom; UK; U.K.; Britain; Great Britain; England; Scotland; Wales;
    United States; US; U.S.; USA; America; Uruguay; Uzbekistan; Vatican; Venezuela; Vietnam;
    Yemen; Zambia; Zimbabwe; Crimea; Gaza; West Bank; Hong Kong; Puerto Rico; Soviet Union; USSR;
    Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida;
    Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland;
    Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada;
    New Hampshire; New Jersey; New Mexico; New York; North Carolina; North Dakota; Ohio; Oklahoma;
    Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah;
    Vermont; Virginia; Washington; West Virginia; Wisconsin; Wyoming; Washington D.C.; D.C.;
    London; Paris; Berlin; Moscow; Beijing; Tokyo; Delhi; New Delhi; Mumbai; Kyiv; Kiev; Rome;
    Madrid; Brussels; Geneva; Vienna; Warsaw; Istanbul; Ankara; Tehran; Baghdad; Kabul; Cairo;
    Jerusalem; Tel Aviv; Damascus; Beirut; Riyadh; Dubai; Seoul; Pyongyang; Shanghai; Sydney;
    Melbourne; Toronto; Ottawa; Montreal; Vancouver; Los Angeles; San Francisco; Chicago;
    Boston; Houston; Dallas; Miami; Atlanta; Seattle; Philadelphia; Detroit; Las Vegas; Denver;
    Phoenix; San Diego; Wilmington; Malibu; Hollywood; Manhattan; Brooklyn; Mexico City;
    Rio de Janeiro; Sao Paulo; Buenos Aires; Lagos; Nairobi; Johannesburg; Cape Town; Karachi;
    Islamabad; Lahore; Dhaka; Bangkok; Jakarta; Manila; Singapore; Hanoi; Athens; Lisbon;
    Amsterdam; Stockholm; Oslo; Copenhagen; Helsinki; Dublin; Edinburgh; Minsk; St. Petersburg"""
)

# Nationality and group adjectives; suffix heuristics alone mistake names such as "Brian".
NORP_NAMES: Final = _words(
    """American; Americans; Russian; Russians; British; English; French; German; Germans; Italian;
    Spanish; Chinese; Japanese; Korean; Indian; Pakistani; Israeli; Israelis; Palestinian;
    Palestinians; Iranian; Iraqi; Syrian; Turkish; Ukrainian; Ukrainians; Polish; Dutch; Belgian;
    Swiss; Swedish; Norwegian; Danish; Finnish; Irish; Scottish; Welsh; Canadian; Mexican;
    Brazilian; Argentine; Australian; Egyptian; Saudi; Afghan; Nigerian; Kenyan; Greek;
    Portuguese; Austrian; Hungarian; Czech; Romanian; Bulgarian; Serbian; Croatian; Cuban;
    Venezuelan; Colombian; Chilean; Peruvian; Lebanese; Jordanian; Yemeni; Libyan; Somali;
    Ethiopian; Indonesian; Filipino; Vietnamese; Thai; Malaysian; Soviet; European; Europeans;
    African; Asian; Arab; Arabs; Muslim; Muslims; Christian; Christians; Jewish; Jews; Catholic;
    Catholics; Democrat; Democrats; Democratic; Republican; Republicans; Conservative;
    Conservatives; Labour; Liberal; Liberals; Western; Sunni; Shiite; Kurdish; Kurds; Taliban;
    Sudanese; Chadian; Eritrean; Ugandan; Rwandan; Tanzanian; Ghanaian; Senegalese; Malian;
    Congolese; Angolan; Zimbabwean; Zambian; Mozambican; Namibian; Algerian; Tunisian;
    Moroccan; Mauritanian; Nigerien; Cameroonian; Ivorian; Liberian; Guinean; Gambian;
    Iraqis; Iranians; Afghans; Syrians; Yemenis; Emirati; Qatari; Kuwaiti; Bahraini; Omani;
    Turkmen; Uzbek; Kazakh; Kyrgyz; Tajik; Georgian; Armenian; Azerbaijani; Belarusian;
    Moldovan; Lithuanian; Latvian; Estonian; Slovak; Slovenian; Bosnian; Albanian;
    Macedonian; Montenegrin; Kosovar; Icelandic; Luxembourgish; Maltese; Cypriot; Bangladeshi;
    Nepali; Nepalese; Sri Lankan; Burmese; Cambodian; Laotian; Mongolian; Taiwanese;
    Singaporean; Bolivian; Ecuadorian; Paraguayan; Uruguayan; Guatemalan; Honduran;
    Salvadoran; Nicaraguan; Panamanian; Haitian; Jamaican; Dominican; Puerto Rican;
    New Zealander; Kiwi; Palestinian; Saudis; Chinese; Britons; Scots; Hispanic; Latino;
    Latina; Latinos"""
)

# Last words that make a capitalised sequence an organisation ("Promises Treatment Center"):
# companies' trades ("Crowley Petroleum", "Matanuska Creamery") and newspapers' mastheads
# ("Alaska Dispatch") as well; read on the audit of ECB+ train topic 13. Shops, theatres and
# foundries too ("Blvd Liquor Store", "Alvin Ailey American Dance Theater"; session 6).
ORG_HEADS: Final = _words(
    """Inc; Inc.; Corp; Corp.; Co; Co.; Ltd; Ltd.; LLC; PLC; Group; Party; Council; Ministry;
    Department; University; College; School; Schools; Institute; Agency; Association; Union; Court;
    Bank; Committee; Commission; Police; Army; Navy; Force; Forces; Guard; Times; Post; News;
    Press; Journal; Network; Kremlin; Congress; Senate; Parliament; Assembly; Foundation;
    Center; Centre; Hospital; Church; Club; Team; Airlines; Airways; Company; Corporation;
    Organization; Organisation; Federation; League; Office; Service; Services; Reuters; Tribune;
    Herald; Gazette; Magazine; Radio; TV; Television; Studios; Records; Entertainment; Bureau;
    Authority; Administration; Board; Cabinet; Government; Coalition; Movement; Front; Brigade;
    Command; Systems; Technologies; Motors; Industries; Holdings; Partners; Capital; Fund;
    Pentagon; Congress; FBI; CIA; NATO; UN; EU; AP; AFP; BBC; CNN; NBC; CBS; ABC; NASA; WHO;
    Stoppers; Stopper; Advisors; Advisers; Associates; Consulting; Consultants; Financial;
    Accounting; Insurance; Realty; Properties; Solutions; PD; Petroleum; Oil; Energy; Creamery;
    Dairy; Farms; Foods; Brewery; Bakery; Dispatch; Chronicle; Examiner; Observer; Courier;
    Sentinel; Bulletin; Inquirer; Telegraph; Store; Stores; Shop; Restaurant; Theater; Theatre;
    Foundry; Pharmacy; Museum; Library"""
)

# Organisations named by one word that the model often takes for a person: platforms and
# companies news names bare ("on Twitter", "a Glock handgun").
ORG_NAMES: Final = _words(
    """Twitter; Facebook; Instagram; YouTube; TikTok; Snapchat; Reddit; LinkedIn; WhatsApp;
    Google; Microsoft; Amazon; Walmart; Glock; Ruger; Remington; Beretta"""
)

LOC_HEADS: Final = _words(
    """River; Mountain; Mountains; Mount; Ocean; Sea; Lake; Valley; Island; Islands; Bay; Gulf;
    Desert; Peninsula; Coast; Canyon; Forest; Park; Strait; Channel; Basin; Region; Glacier;
    Volcano; Reef; Creek; Harbor; Harbour; Peak"""
)

EVENT_HEADS: Final = _words(
    """War; Games; Olympics; Cup; Championship; Championships; Festival; Awards; Summit;
    Conference; Revolution; Crisis; Earthquake; Hurricane; Storm; Tournament; Open; Marathon"""
)

# Capitalised words that start sentences or headlines but name nothing on their own.
NOT_NAMES: Final = _words(
    """The; A; An; In; On; At; By; For; From; To; Of; With; Without; After; Before; During; Since;
    But; And; Or; Nor; So; Yet; If; When; While; Where; Why; How; What; Who; Which; That; This;
    These; Those; There; Here; He; She; It; They; We; I; You; His; Her; Its; Their; Our; My;
    Your; Him; Them; Us; Me; One; Two; Three; Some; Many; Most; All; Both; Each; Every; No; Not;
    Another; Other; Such; Also; Still; Even; Just; Only; Now; Then; Today; Yesterday; Tomorrow;
    Monday; Tuesday; Wednesday; Thursday; Friday; Saturday; Sunday; January; February; March;
    April; May; June; July; August; September; October; November; December; Jan; Feb; Mar; Apr;
    Jun; Jul; Aug; Sep; Sept; Oct; Nov; Dec; According; However; Although; Though; Because;
    Meanwhile; Despite; Under; Over; About; As; Like; Among; Against; Between; Through; Into;
    Police; Officials; Authorities; Mr; Mrs; Ms; Dr; Sen; Rep; Gov; Gen; Related; Read; More;
    Updated; Photo; Photos; Video; Watch; Click; Share; Tags; Getty; Images; Shutterstock;
    Copyright; Yes; Oh; Well; Please; Thank; Thanks; Let; Do; Does; Did; Is; Are; Was;
    Were; Will; Would; Can; Could; Should; Must; May; Might; Has; Have; Had; Be; Being; Been;
    Said; Says; Asked; Told; Added; New; Old; First; Last; Next; Former; Late; Early; Some;
    Any; Several; Few; Much; Very; Once; Instead; Unlike; Following; Including; Until; Upon"""
)
