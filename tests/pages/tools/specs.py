"""Hand-written expectations for every page (see ../README.md).

title: the headline typed by hand, or a line range of text/<id>.txt when it
is copied from there; published/updated: ISO dates read on the page by a
person; body/lead/chrome: line numbers of text/<id>.txt chosen by a person
after reading the page; notes: what is odd about the page.
"""
SPECS = {}
SPECS["p01_lemonde"] = dict(split="dev", title="226-227", published="2023-08-30", updated="2023-08-30",
  lead="229-232", body=["229-232", "263-286", "299-306", "308", "310-321"],
  chrome=[7, 14, 95, 106, 146, 215, 243, 247, 323, 468, 483, 500],
  notes="Paywalled (Article réservé aux abonnés): the text stops mid-article, 'Il vous reste 57.09% de cet article à lire'. Dateline 'Publié le 30 août 2023 à 14h52, modifié le 30 août 2023 à 15h54'; meta article:published_time 2023-08-30T14:52:08+02:00. Menus carry many teaser headlines and captions of other articles. Body includes the lead (chapô) and the intertitle « Désaccord total »; the 'Lire aussi' link and the 'Ajouter à vos sélections' box inside the body are chrome.")
SPECS["p02_lefigaro"] = dict(split="heldout", title="Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne militaire ukrainienne pour 2025",
  published="2024-11-22", updated="2024-11-22", lead="157-159",
  body=["157-159", "176-186", "193-213", "215-222", "224-253", "255-268", "270-287", "289-305", "311-358"],
  chrome=[1, 3, 126, 143, 145, 163, 174, 188, 366, 372, 406, 410, 445, 550],
  notes="'Le point sur la situation' page made of dated sub-sections (##). The visible dateline is RELATIVE: 'Publié il y a 3 heures, mis à jour à 09h42'; the absolute dates are only in meta/JSON-LD (datePublished 2024-11-22T07:22:44+01:00, dateModified 2024-11-22T09:42:28+01:00). html2text keeps links as markdown, and wraps inside URLs (joined with a space here). The in-article 'Sommaire' list and 'À lire aussi' link are chrome; reader comments (with their own dates, e.g. 'le 22/11/2024 à 09:18') follow the article.")
SPECS["p03_lefigaro"] = dict(split="dev", title="134", published="2024-04-29", updated=None, lead="163",
  body=["163", "165", "167"],
  chrome=[1, 3, 7, 11, 128, 144, 150, 169, 171, 173, 177, 185, 191],
  notes="Very short news item. The visible dateline is relative: 'Publié' / 'il y a 1 minute' (on two lines); the absolute date 2024-04-29T17:01:24+02:00 is only in meta/JSON-LD. The first line after the share buttons is the photo caption + credit (chrome).")
SPECS["p04_lesechos"] = dict(split="dev", title="46", published="2024-07-18", updated="2024-07-18", lead="48-51",
  body=["48-51", "67-69", "82-84", "86-93", "95-152", "155-208", "215-321", "327-354"],
  chrome=[1, 3, 16, 52, 54, 357, 368, 372, 392, 401, 444, 451],
  notes="LIVE BLOG ('Le fil info'): the page headline is that of one entry (7h29), the body is the whole day's feed of time-stamped entries (9h05 ... 7h00), each with its own heading. Dateline 'Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06' (abbreviated month, no space between the two dates). In-feed 'Lire aussi :' links, 'Publicité' and an image file name (Entreprise - Solo.png) are chrome.")
SPECS["p05_euronews"] = dict(split="dev", title="Comment les efforts européens ont permis de sauver le merlu de l'extinction", published="2024-04-30", updated=None, lead="214-216",
  body=["214-216", "218-247", "252-280", "290-308", "313-326"],
  chrome=[21, 22, 144, 152, 159, 165, 249, 250, 310, 311, 328, 330],
  notes="Partner content ('En partenariat avec The European Commission'). Dateline 'Publié le 30/04/2024 - 16:00'. The pull-quote block (lines 282-288: quote + 'Javier López' + job title) duplicates the last paragraph and is left out of body_paragraphs; in-body bullet links to other articles are chrome. html2text keeps **bold** and _italic_ markup.")
SPECS["p06_euronews"] = dict(split="heldout", title="761", published="2026-01-06", updated=None, lead="802",
  body=["802", "804-810", "815", "817", "819-825"],
  chrome=[3, 5, 743, 753, 763, 776, 782, 833, 835, 851, 857, 871, 875],
  notes="Dateline split over two lines by the block tags: 'Publié le' / '06/01/2026 - 14:16 UTC+1' (dd/mm/yyyy with time zone). The embedded image caption '\"Just Coup It\"' + 'Capture d'écran de Reddit' inside the body is chrome; 'Le survêtement en rupture de stock' is an intertitle (kept).")
SPECS["p07_lefigaro"] = dict(split="dev", title="61", published="2013-04-05", updated="2013-04-06", lead="74-76",
  body=["74-76", "79-93", "95-103"],
  chrome=[1, 4, 6, 12, 59, 63, 77, 109, 123, 136, 153, 161, 162, 169, 174, 198],
  notes="2013 layout. The update line comes BEFORE the publication line: '+ Mis à jour le 06/04/2013 à 10:37' then '+ Publié le 05/04/2013 à 17:08' (dd/mm/yyyy). Other times on the page ('Mise à jour 10:38', 'Mise à jour à 16:15') belong to the site header ticker. The lead is repeated twice more in share/e-mail boxes (chrome). No date in meta (only empty datetime= attributes).")
SPECS["p08_slate"] = dict(split="dev", title="Tapie, Mougeotte et La Provence, un concentré d'histoire de France", published=None, updated=None, lead="3-5",
  body=["3-5", "13-16", "18-29", "31-42", "46", "48-58"],
  chrome=[64, 71, 81, 95, 104, 106, 122, 125, 133, 138, 741, 742],
  notes="Slate.fr 2012 page (Drupal). The page shows NO publication date anywhere (neither text nor meta); the only hint is an image file name 'Capture d’écran 2012-10-29 à 13.28.45.png' inside the quoted block and 2012 URLs, which are not a date statement -> published null. The article text comes first in the source, the menus and teaser wall come after the comments. Lead = the '##' standfirst; the quoted brief (blockquote) and the numbered exercise list are part of the body; the signature line '_**Titiou Lecoq**_ (...)' is treated as byline (not body).")
SPECS["p09_liberation"] = dict(split="heldout", title="199", published="2012-10-27", updated="2012-10-27", lead="224",
  body=["224", "228", "230", "234", "236", "238", "240"],
  chrome=[3, 7, 23, 193, 207, 217, 221, 232, 244, 253, 255, 265, 281],
  notes="Dateline '27 octobre 2012 à 18:27' followed by the update time split over three lines: '(Mis à jour:' / '19:56' / ')' (time only, same day). The site header says 'Dernière mise à jour : il y a 38 secondes' (site ticker, not the article). The photo caption also contains a date ('le 27 octobre 2012 à Toulouse'). Lead starts with the rubric label glued to it: 'Analyse Après une semaine agitée...'. 'A lire aussi :' lines inside the body are chrome; 'Le plaidoyer du temps long' is an intertitle.")
SPECS["p10_20minutes"] = dict(split="dev", title="67-68", published="2018-06-01", updated="2018-06-01", lead="70-71",
  body=["70-71", "90-91", "92-93", "95", "97-101", "103", "105-110", "118-121", "130-135", "143", "145-163", "165", "167-176", "185-186", "187-188", "189", "190-191", "192", "194-198"],
  chrome=[1, 3, 4, 8, 57, 63, 77, 79, 86, 89, 200],
  notes="The visible headline (h1, 'VIDEO. France-Italie: Les Bleus s'ambiancent ...') differs from <title>/og:title ('France - Italie : résultat match amical'). Dateline with two-digit year: 'Publié le 01/06/18 à 23h03 — Mis à jour le 01/06/18 à 23h10'. Embedded tweets (#FRAITA ... — Téléfoot (@telefoot_TF1) June 1, 2018) are left out of body_paragraphs (they carry English-format dates). '>> ...' lines are intertitles (kept), except the final '>> A lire aussi' (chrome). The two summary bullets under the photo are counted as body.")
SPECS["p11_20minutes"] = dict(split="heldout", title="Stade Rennais: Le Portugais Paulo Fonseca pour remplacer Christian Gourcuff?", published="2017-10-22", updated="2017-10-23", lead="67",
  body=["67", "92", "93", "95-102", "104", "106-112", "120-125", "132-135"],
  chrome=[1, 3, 6, 26, 30, 61, 73, 76, 82, 89, 127, 137, 139],
  notes="A sticky header repeats a SHORTER title before the h1 ('Sport Le Portugais Paulo Fonseca pour remplacer Gourcuff à Rennes?') - chrome. Dateline 'Publié le 22/10/17 à 19h49 — Mis à jour le 23/10/17 à 05h03' (update on the next day). The embedded tweet (with 'October 20, 2017') and the '>> A lire aussi' link are chrome. Lead = '**FOOTBALL** Le club breton recherche un technicien étranger...' (rubric in bold).")
SPECS["p12_lemonde"] = dict(split="dev", title="368", published="2015-04-12", updated="2015-04-13", lead="370",
  body=["370", "393", "395", "397", "401", "403", "405", "409", "411", "413", "415"],
  chrome=[10, 14, 18, 20, 356, 379, 391, 399, 421, 429, 445, 449, 458],
  notes="2015 article saved years later in the 2020s layout: the chrome carries much later dates and topics ('Coronavirus et pandémie de Covid-19', 'Daté du mercredi 12 janvier' for the e-paper). Dateline 'Publié le 12 avril 2015 à 22h23 - Mis à jour le 13 avril 2015 à 12h28'. 'Lire l'entretien :', 'Lire nos explications :', 'Voir aussi :' lines inside the body are chrome; « Peu de garanties » sur l'emploi and « Thérapie de groupe » are intertitles.")
SPECS["p13_lemonde"] = dict(split="heldout", title="78", published="2011-07-05", updated="2011-07-05", lead="80-82",
  body=["80-82", "90-95", "97-101", "103", "105-106", "108-111", "113-116", "118-121", "123", "125-130", "132-137", "139-143", "145-149"],
  chrome=[7, 18, 23, 27, 33, 36, 151, 154, 160, 179, 197],
  notes="Old Le Monde layout. Dateline 'Le Monde.fr avec AFP | 05.07.2011 à 22h09 • Mis à jour le 05.07.2011 à 22h09' wrapped by lynx (the second time is on the next line). Cookie prompt near the top ('En poursuivant votre navigation sur ce site, vous acceptez ...'). Photo caption (with 'le 15 juin 2011') is chrome; all-caps lines are intertitles. lynx prints the meta refresh target (a local file:// path) near the top.")
SPECS["p14_liberation"] = dict(split="dev", title="Donald Trump et Xi Jinping, tentative de flirt en Floride", published="2017-04-05", updated=None, lead="183-186",
  body=["183-186", "201-215", "217-228", "230", "232-258", "260", "262-282", "284-286", "288", "290-299"],
  chrome=[1, 150, 151, 160, 199, 306, 320, 323, 327, 328, 329],
  notes="Byline and date are on one logical line wrapped by html2text: 'Par [authors] -- 5 avril 2017 à' / '19:26'. The page was saved in Nov. 2018 (the e-paper box links to '/liseuse/publication/07-11-2018/' and '/france/2018/11/06/...'), which gives competing dates in the chrome. The title is repeated (print header) right before the body. Numbered '###' intertitles are kept.")
SPECS["p15_clubic"] = dict(split="heldout", title="312", published="2012-02-29", updated="2018-06-01", lead="320",
  body=["320-336", "340", "508-520", "523-584"],
  chrome=[1, 3, 11, 13, 27, 29, 304, 310, 686, 688, 690, 697, 699, 703],
  notes="Multi-page hardware review flattened on one page. The ONLY date shown under the byline is '01 juin 2018 à 15h36', which is the dateModified of a 2018 site migration; the original publication date 2012-02-29 is only in meta/JSON-LD (datePublished 2012-02-29T11:20:00). The sidebar 'Actualités du moment' teasers all carry '29/02/2012'. A spec table (lines 342-506, one cell per line) and the verdict boxes (Les plus / Les moins / scores) are article content but not prose: they are not listed in body_paragraphs. Image captions (lines 338, 522) are left out; benchmark chart titles (e.g. '3DMark 11 - Mode Performance') are kept as intertitles. A 'Sommaire' (table of contents) at the top repeats the intertitles.")
SPECS["p16_framablog"] = dict(split="dev", title="23", published="2017-12-02", updated=None, lead="31-33",
  body=["31-33", "34-38", "40-48", "50-390"],
  chrome=[6, 8, 14, 17, 28, 29, 394, 395, 401, 402, 416, 424, 429, 642],
  notes="WordPress blog of the Framasoft association (a blog rather than a newspaper). The date '2 Déc 2017' (abbreviated, capitalised month) is printed BEFORE the title; the republished text ends with 'Griffonné le 30 novembre 2017' (date of the original blog post, kept in the body). Reader comments carry their own dates ('2 décembre 2017 | Reply'); the sidebar lists other posts with 2018 dates; footer '© 2018 Framablog'. Long post with many intertitles and bullet lists (each list item is one paragraph).")
SPECS["p17_nextinpact"] = dict(split="dev", title="15", published="2018-12-06", updated="2018-12-06", lead="53-59",
  body=["53-59", "61-66", "68", "70-78", "80-88", "90-93", "95-97", "108", "110-115", "117-123", "128-133"],
  chrome=[1, 23, 25, 48, 99, 101, 137, 139, 144, 174, 243, 248, 256, 291],
  notes="Paywalled: 'Lisez la suite : 83 % de ce contenu reste à découvrir'. The visible date line is 'le jeudi 06 decembre 2018 a 15:30' (html2text turned the entities &#233;/&#224; into ASCII 'e'/'a'; 15:30 is in fact the modification time: JSON-LD datePublished 2018-12-06T11:56:34, dateModified 2018-12-06T15:30:41, and article:published_time uses a US-style '06/12/2018 11:56:34 +00:00'). Related-article lists inside the body ('Notre dossier sur Free ...', '* [10 GbE, ...') are chrome. Title line 15 is '# ...' markdown.")
SPECS["p18_sudinfo"] = dict(split="heldout", title="768", published="2012-10-08", updated="2012-10-08", lead="772",
  body=["772", "778", "780"],
  chrome=[93, 95, 97, 99, 764, 766, 782, 784, 794, 796, 797, 817, 819],
  notes="Short regional brief. The text shows only 'Mis à jour le Lundi 8 Octobre 2012 à 08h46' (capitalised day and month); the publication time is only in <meta name=\"published\" content=\"8/10/2012 - 06h51\"> (d/m/yyyy, non-ISO) and in the URL (/2012-10-08/). The site header shows the crawl day 'Mardi 9 Octobre 2012 Saint Siméon' (chrome); the 'L'info en continu' ticker shows bare times (23:41 ...). The body keeps the source's typos ('exrecices', 'jounée').")
SPECS["p19_programmetv"] = dict(split="dev", title="58", published="2016-01-22", updated=None, lead="176-178",
  body=["176-178", "196-200", "205-213", "218-226"],
  chrome=[4, 6, 8, 52, 60, 67, 70, 173, 180, 186, 202, 215, 228, 241, 260],
  notes="Programme-tv.net (Télé-Loisirs) entertainment news. Dateline 'Publié le 22 janv. 2016 à 20:06' (abbreviated month); a later modification (2016-01-25T01:01:31) is only in meta, not shown. Between the dateline and the lead sits a large 'Vidéos à ne pas manquer' carousel and a 'Top des news TV' list (chrome). '>>> ...' lines are links to other articles (chrome); the 'À lire aussi' box concatenates teaser titles twice each.")
SPECS["p20_dh"] = dict(split="dev", title="Le Standard s'impose à Anderlecht, au bout de l'ennui", published="2011-04-03", updated="2011-04-03", lead="138-139",
  body=["138-139", "141-144", "146-150", "152-157", "159-163", "165-168", "170-174"],
  chrome=[9, 12, 113, 116, 128, 130, 136, 181, 183, 194, 197, 200, 206, 208],
  notes="ISO-8859-1 page from 2011. Dateline '(03/04/2011, mis à jour à 18:28)': date then update TIME only. The site header repeats the day ('03 avril 2011'). The page's curly apostrophes are Windows-1252 bytes (0x92) that are control characters in ISO-8859-1, so html2text drops them: 'DOnofrio', 'quil', 'daccéder' (kept verbatim). The headline/lead were updated after the match (result) while the body is still the pre-match text. Byline 'Kevin Sauvgae' and '© La Dernière Heure 2011' after the body are chrome.")
SPECS["p21_dh"] = dict(split="heldout", title="Budget: l'effort de 2 milliards € confirmé", published="2012-02-26", updated=None, lead=None,
  body=["156", "158", "160", "162", "164", "166", "168", "170"],
  chrome=[130, 132, 144, 146, 152, 154, 172, 174, 176, 178, 182, 184, 196],
  notes="ISO-8859-1 page whose headline contains a Windows-1252 euro sign (byte 0x80, &#128; in og:title): the plain-text version loses it ('2 milliards  confirmé', two spaces) so the expected title cannot be matched exactly from the .txt. Date only as '(26/02/2012)'. The line under the photo credit is the photo caption (chrome); the body starts with the place name in capitals ('BRUXELLES Le Comité ...'). Source typo 'Budgtet' kept.")
SPECS["p22_dh"] = dict(split="dev", title="106", published="2013-02-02", updated=None, lead="121-123",
  body=["121-123", "125-132", "133-149", "150-163", "164-175", "176-183", "184-195", "196", "197", "198", "199-200", "201-202", "203", "204", "205", "206-207", "208-209", "210", "211", "212", "213-214", "215", "216", "217", "218-219", "220-221", "222-223"],
  chrome=[90, 95, 96, 98, 100, 116, 117, 225, 227, 229, 237, 239, 246],
  notes="Date only as '(02/02/2013)'. Paragraphs are separated by <br> only, so lynx prints them without blank lines: paragraph boundaries were set by hand at sentence/line starts. The article ends with the list of award winners (one line per award, counted as body). Byline 'Alain Lorfèvre' and '© La Dernière Heure 2013' are chrome, as is the embedded-tweets block title.")
SPECS["p23_lalibre"] = dict(split="dev", title="Incendie d'un car belge en Suisse: \"Plus de peur que de mal\"", published="2013-01-08", updated=None, lead="78-79",
  body=["78-79", "81-83", "85-87", "89-92", "101", "103", "105-110", "112", "114-116", "118-122", "124-127"],
  chrome=[56, 58, 61, 62, 65, 69, 70, 74, 129, 131, 135, 138, 144, 148],
  notes="Dateline 'Mis en ligne le 08/01/2013' (no time). The lead starts with a video icon rendered by html2text as '![VIDEO](...)' (kept verbatim). An embedded tweet inside the body (with a French-localised tweet date 'Janvier 8, 2013') is left out of body_paragraphs. '**\"Plus de peur que de mal\"**' is an intertitle.")
SPECS["p24_lalibre"] = dict(split="heldout", title="100", published="2012-11-20", updated=None, lead="106",
  body=["106", "108", "113-218"],
  chrome=[80, 82, 84, 94, 98, 102, 110, 111, 220, 222, 236, 643],
  notes="Very long article ('content_paragraphs_overload'): many reactions, each introduced by a short intertitle line (kept). Dateline 'Mis en ligne le 20/11/2012'. Windows-1252 quotes/apostrophes and the 'œ' ligature are lost in the ISO-8859-1 decoding ('Laccord', 'des ufs'). An embedded tweet (' Elio Di Rupo (@eliodirupo) Novembre 20, 2012') is chrome. The tag stripper splits one paragraph in two at an inline element ('L'augmentatio' / 'n des accises ...'): both fragments are listed as they appear. The 'Savoir Plus' box at the end of the article is counted as body.")
SPECS["p25_lalibre"] = dict(split="dev", title="51", published="2011-04-21", updated=None, lead="56-58",
  body=["56-58", "60-61", "63-67", "69-76", "78-84", "86-97", "99-101"],
  chrome=[31, 35, 42, 43, 45, 48, 49, 53, 103, 105, 107, 109],
  notes="Dateline 'Mis en ligne le 21/04/2011' immediately followed (no blank line) by the lead. The ellipsis characters (Windows-1252 0x85) are lost in ISO-8859-1 decoding ('au parlement fédéral Et pourtant'). Source typo 'Mrodikramen' kept.")
SPECS["p26_lavenir"] = dict(split="dev", title="Verglas et neige sur nos routes", published="2013-02-24", updated="2013-02-24", lead="88-89",
  body=["88-89", "91-94", "96-97", "99-101", "103-107", "109", "111-113", "115-116", "118-119", "121", "123-125", "127-128", "130-133", "135-138", "140-141"],
  chrome=[6, 60, 62, 64, 65, 76, 77, 84, 86, 144, 150, 153, 168],
  notes="The only date attached to the article is 'Mise à jour  : dimanche 24 février 2013 08h46' (weekday + day month year + time, no publication line, no meta date); published is set to the same day because the article id in the URLs (DMF20130224_001) encodes 2013-02-24 - an extractor may legitimately return null for 'published'. The header shows the crawl day 'Dimanche 24 février 2013'; teaser list entries carry '24 février 2013 - 11:21 | L'Avenir'. The agency text itself has no accents ('Il a neige en faible quantite').")
SPECS["p27_lavenir"] = dict(split="heldout", title="107", published="2013-03-08", updated=None, lead="126",
  body=["126-140"],
  chrome=[85, 99, 101, 103, 113, 114, 116, 118, 120, 122, 142, 154, 156, 163, 195],
  notes="RELATIVE date only: 'Hier' / 'A' / '14h27' (three lines). No date in meta; the day is recoverable from the article id DMF20130308 in scripts/URLs and from the teaser list, dated '9 mars 2013 - 22:10 | L'Avenir' (crawl day, so 'Hier' = 2013-03-08). The title itself contains another date ('le samedi 30 mars'), and the photo caption a year ('Crêtes de Spa 2012'). A registration form (Date de naissance, Sexe...) follows the article.")
SPECS["p28_lavenir"] = dict(split="dev", title="Les opérateurs gsm baissent leurs tarifs internet à l'étranger", published="2011-03-28", updated="2011-03-28", lead="99-101",
  body=["99-101", "103-106", "108-109", "111-114", "116-122", "124-126"],
  chrome=[15, 55, 61, 64, 66, 70, 77, 86, 93, 96, 128, 130, 133, 146, 163],
  notes="MIXED ENCODING: the page declares ISO-8859-1 but the template, the headline and the lead are UTF-8 bytes, so they come out as mojibake in the .txt ('Les opÃ©rateurs gsm baissent leurs tarifs internet Ã  l'Ã©tranger', 'Mise Ã  jour'), while the rest of the body is real Latin-1 and reads correctly. The expected title is the repaired headline (it does not occur verbatim in the .txt); the lead paragraph is kept verbatim with its mojibake. Only 'Mise à jour : lundi 28 mars 2011 18h50' is shown (published set to the same day). Related items carry two-digit-year dates ('28/03/11 Les Belges pourraient ...'), the sidebar 'FOOTBALL 28 mars 2011 - 20:30'.")
SPECS["p29_lesoir"] = dict(split="dev", title="Moreau : « Daerden n'est pas un clown »", published="2011-03-28", updated=None, lead="166-169",
  body=["166-169", "177-178", "180-183", "185-189", "191-193", "195-197", "199-202", "204-206", "208-210", "212-214", "216-220", "222-224"],
  chrome=[130, 141, 146, 150, 157, 159, 164, 175, 226, 228, 235],
  notes="Old lesoir.be layout (2011). Dateline 'lundi 28 mars 2011, 21:02' (weekday, comma before the time). The lead is an h4 ('#### ...'). The Belga wire text has no accents ('Stephane Moreau', 'a prete serment'), unlike the headline. The agency credit '**( Belga)**' and the photo caption are chrome. The sharing block and the RSS block appear twice (before and after the body).")
SPECS["p30_lesoir"] = dict(split="heldout", title="282", published="2012-08-06", updated=None, lead="288",
  body=["288", "292-315"],
  chrome=[271, 273, 276, 280, 284, 290, 316, 318, 329, 331, 335, 337, 343],
  notes="Press review (revue de presse) with quoted intertitles (« Populaire et doué », « Il était son pire ennemi » ...), kept as body. Dateline 'lundi 06 août 2012, 06:43' (zero-padded day). Related box 'Michel Daerden ( 1949 - 2012 )' carries years. The tag stripper breaks one paragraph at a <br> (lines 311/312), both parts listed. Windows-1252 apostrophes dropped in the 'lire aussi' chrome ('limage quil').")
SPECS["p31_lesoir"] = dict(split="dev", title="248", published="2013-03-02", updated=None, lead="253-255",
  body=["253-255", "263-265", "267-270", "272-278", "280-286"],
  chrome=[238, 243, 244, 246, 250, 259, 261, 288, 290, 293, 302, 304, 308, 310, 312],
  notes="2013 lesoir.be layout. Dateline 'Mis en ligne Samedi 2 mars 2013, 17h32' (capitalised weekday). Reader comments follow the article, each with its own timestamp ('11. Lidju dit le 02/03/2013, 20:08'); one commenter name is mojibake ('L'Enfer du DÃ©cor'). A 'Sur le web' box between lead and body links the SudPresse version of the same story (chrome).")
SPECS["p32_lesoir"] = dict(split="dev", title="L’Ours d’or décerné au drame roumain «Child’s Pose»", published="2013-02-16", updated="2013-02-17", lead="330-332",
  body=["330-332", "343-365", "367", "369-373", "375-377", "379-385", "387-393", "395-398", "400-404", "406-412", "414-417", "419-423"],
  chrome=[307, 310, 311, 313, 317, 318, 323, 326, 339, 341, 425, 427, 429, 436],
  notes="Dateline 'Samedi 16 février 2013, 22h04 | mis à jour  à 00:27': the update gives only a time, which is after midnight, i.e. on 2013-02-17 (the first comment is dated 17/02/2013, 10:46). The factbox 'Les vainqueurs de l’Ours d’or de 2003 à 2013' (a list of years) sits between lead and text and is counted as body; so is the dateline-like '_Berlin, de notre envoyé spécial_'. Navigation links to the previous/next articles ('< Le Grand Prix du festival Anima ...') are chrome.")
SPECS["p33_rtlinfo"] = dict(split="heldout", title="260", published="2011-05-17", updated=None, lead="262",
  body=["262", "274", "278-308"],
  chrome=[240, 242, 248, 250, 252, 254, 256, 266, 270, 272, 276, 310, 312],
  notes="rtl.be 2011. Date '17 Mai 2011 20h13' (capitalised month, 'h' time) printed AFTER the lead. The article column comes after a long sidebar (latest news with bare times '15:51', reader reactions). The body has one intertitle per section (kept). '> VIDEOS: LES REPORTAGES DU JOURNAL DE 19H' inside the body is chrome.")
SPECS["p34_rtlinfo"] = dict(split="dev", title="129", published="2011-08-25", updated=None, lead=None,
  body=["141-147", "148-151", "153-159", "160-163", "164-167", "168-171", "172-175"],
  chrome=[109, 111, 114, 117, 119, 131, 136, 138, 139, 179, 181, 183, 187, 195],
  notes="Reader testimony ('Témoignage' section). The line under the title ('Un témoignage, un coup de cœur, un coup de gueule ? Profitez de notre section spéciale ...') is the section's boilerplate standfirst, treated as chrome (no lead). Date '25 Août 2011 14h02'. Paragraphs are separated by <br> only (no blank lines in lynx output): boundaries set by hand. The 'Les +' sidebar is about 11 September 2001 (dates in teasers), since the page was saved weeks later.")
SPECS["p35_sudpresse"] = dict(split="dev", title="Assises Liege: 30 ans pour Willemaerts, 25 ans pour Deketelaere", published="2011-03-28", updated=None, lead="191-195",
  body=["191-195", "201-203", "205-209", "211-213", "215-219", "221-224"],
  chrome=[162, 165, 166, 176, 177, 182, 189, 197, 231, 233, 241, 247, 253, 256],
  notes="The dateline has NO YEAR: 'Publié le 28/03 à 21h00'; the year comes only from the URLs (/regions/liege/2011-03-28/...). The h1 has no accent ('Assises Liege') while <title>/og:title have 'Liège'. The dateline is placed between the lead and the body, and the body starts with a stray '. Le 7 avril 2008, ...' (kept verbatim). Belga wire text without accents.")
SPECS["p36_sudpresse"] = dict(split="heldout", title="554", published="2012-01-05", updated=None, lead="558",
  body=["558", "564", "566", "568"],
  chrome=[540, 544, 546, 548, 550, 552, 556, 570, 572, 580, 584, 590, 596],
  notes="Dateline without year 'Publié le 05/01 à 08h00' (year 2012 only in the URL /regions/centre/2012-01-05/...); reader comments use the same year-less format ('- Le 05/01 à 13h56'). The photo caption with credit ('... D.Claes') precedes the lead; a stray '.' line sits between lead and dateline. The last paragraph starts with '>' (kept verbatim).")
SPECS["p37_sudpresse"] = dict(split="dev", title="270-271", published="2011-07-22", updated=None, lead="280-284",
  body=["280-284", "288", "290-296", "298-301", "303-308", "310"],
  chrome=[255, 259, 262, 264, 266, 268, 274, 275, 286, 312, 316, 320, 322, 324],
  notes="LIVE page (headline ends with '(LIVE)'): the live ticker itself is an iframe (CoverItLive), so only the intro text is in the page. Dateline 'publié le 22/07/2011 à 16h03' (lower case), yet the reader comments below are time-stamped earlier the same day without year ('Le 22/07 à 15h55Taker', name glued to the time): the article was re-published during the live. The breadcrumb repeats the full headline.")
SPECS["p38_sudinfo"] = dict(split="dev", title="387-388", published="2012-02-29", updated=None, lead="395-398",
  body=["395-398", "404-410", "412-416", "418-423", "425-426", "428-431"],
  chrome=[372, 376, 380, 381, 382, 393, 400, 433, 435, 449, 451, 460],
  notes="Dateline 'Publié le Mercredi 29 Février 2012 à 23h09' (capitalised weekday and month; leap day) placed after the lead and the 'AFP' credit. The sidebar 'L'info en continu' shows bare times (23:12 ...) and the Footlive table a dd/mm/yy date ('31/03/12'), a month after the article: the page was saved later.")
SPECS["p39_sudinfo"] = dict(split="dev", title="770", published="2012-10-08", updated="2012-10-08", lead="776",
  body=["776", "782"],
  chrome=[756, 762, 764, 766, 768, 772, 774, 778, 784, 786, 796, 798],
  notes="Very short item (a lead and a pointer to a video). Visible: 'Mis à jour le Lundi 8 Octobre 2012 à 14h25'; publication only in <meta name=\"published\" content=\"8/10/2012 - 12h25\">. Same site template as p18_sudinfo (same day, same sidebar). Credits 'BELGA', 'Medias', 'Sudinfo.be' around the lead are chrome.")
SPECS["p40_7sur7"] = dict(split="heldout", title="37", published="2012-06-18", updated=None, lead="50-62",
  body=["50-62", "64", "71", "75", "79", "83", "87", "91", "95", "99", "103"],
  chrome=[8, 9, 15, 17, 39, 43, 47, 65, 66, 107, 109, 117, 122, 141, 143, 174],
  notes="Listicle of ten embedded YouTube videos: besides the intro, the body is one title line per video (kept); the iframes are not text. Date '18/06/12 - 11h02' (two-digit year), glued to the byline image and the photo file name ('Par: Michaël Bouche' / '18/06/12 - 11h02 [media_xll_4913844.jpg]'). The intro starts with the content-type label 'vidéo'. A 'Lire aussi' newsletter box is inserted after the first video title.")
SPECS["p41_7sur7"] = dict(split="dev", title="Mathieu Kassovitz traite Nadine Morano de \"conne\"", published="2012-06-12", updated=None, lead=None,
  body=["64-66", "68-70", "72-74", "76-79"],
  chrome=[31, 33, 37, 39, 42, 47, 50, 81, 83, 94, 104, 114, 116, 126],
  notes="Date '12/06/12 - 09h27' (two-digit year) under the byline. The article opens with two embedded tweets dated in English ('June 4, 2012', 'June 11, 2012') before the first paragraph; a third tweet follows the 'Lire aussi' box: tweets are left out of body_paragraphs. html2text keeps the trailing two spaces of <br> lines (stripped here). Source typos kept ('La 4 juin dernier', 'il avait un un clash').")
SPECS["p42_lefigaro"] = dict(split="dev", title="150", published="2024-04-30", updated="2024-04-30", lead="179",
  body=["179", "181-201"],
  chrome=[140, 142, 144, 152, 161, 163, 169, 203, 205, 211, 213, 221, 227],
  notes="Relative dateline spread over five lines by the block tags: 'Publié' / 'il y a 2 heures' / ',' / 'Mis à jour' / 'il y a 8 minutes'; absolute dates only in meta/JSON-LD (datePublished 2024-04-30T14:11:00+02:00, dateModified 2024-04-30T16:22:03+02:00). Intertitles «Croyez-vous en Dieu ?» and 'La sécurité au cœur des élections locales du 2 mai' (the latter contains a date) are kept. The headline says '14 ans' while the body says 'un garçon de 13 ans' (as in the source).")
SPECS["p43_motherjones"] = dict(split="dev", title="68", published="2012-03", updated=None, lead="70-71",
  body=["70-71", "88-91", "93", "95-109", "914-923"],
  chrome=[55, 60, 62, 66, 78, 79, 84, 85, 926, 929, 931, 937],
  notes="ENGLISH page (language test). Magazine feature: the only date is the issue 'March/April 2012 Issue' (and 'This story ran in the March/April 2012 issue of Mother Jones') -> published '2012-03' (month precision); no date in meta. body_paragraphs is deliberately PARTIAL for this non-French page (lead, the first three paragraphs and the last one); the long body also contains photo credits and a 'TOP 60 US Online Retailers' sidebar list. The footer carries a 2021 magazine cover date (page saved in 2021).")
SPECS["p44_euronews_en"] = dict(split="heldout", title="Ireland seeks emergency law to return asylum seekers back to UK", published="2024-04-28", updated=None, lead="253-255",
  body=["253-255", "260-262", "264-265", "278", "280-282", "284-285", "287-290", "292-294", "296-299"],
  chrome=[176, 189, 191, 195, 258, 267, 275],
  notes="ENGLISH page (language test) from the same site template as the French Euronews pages (p05, p06), so the chrome structure is identical and only the language differs. Dateline 'Published on 28/04/2024 - 12:25'. body_paragraphs is PARTIAL (first part of the article only). An embedded tweet dated 'March 28, 2024' is chrome. The file sits under fundus' test_data/fr/ folder (it was the first, mixed-language Euronews fixture).")
SPECS["p45_xataka"] = dict(split="dev", title="45", published="2025-01-08", updated=None, lead="47",
  body=["47", "49", "64", "66", "68"],
  chrome=[31, 33, 39, 43, 51, 53, 54, 56, 62],
  notes="SPANISH page (language test). The date appears in the stripped text as a raw ISO timestamp '2025-01-08T16:15:39Z' (the <time> element's text, normally reformatted by JavaScript). body_paragraphs is PARTIAL (the two summary bullets and the first three paragraphs); the rest is sales tables. The headline itself contains years ('en 2023 y 2024').")
