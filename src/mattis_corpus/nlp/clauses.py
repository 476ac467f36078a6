"""How an event is said: the clause as written — its subject phrase (an antecedent for a
relative pronoun, a person for a pronoun when that is safe), then the verb group and its words
in sentence order up to the clause's end, without the date when that leaves a sentence.

The parse helpers the event rules share live here too (``nlp/events.py`` finds the dated
clauses and the lede; reported speech and the choice of rule are there). spaCy types only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mattis_corpus.models import Mention, Timex
from mattis_corpus.nlp.sentences import PREPOSITIONS

if TYPE_CHECKING:  # spaCy is only imported by the ingest path
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "csubj"}
VERB_PARTS = {"aux", "aux:tense", "aux:pass", "aux:caus", "expl:comp", "expl:pass", "expl:pv", "advmod:neg"}
NEGATION = {"ne", "n'", "pas", "plus", "jamais"}
MAX_PART_TOKENS = 9
MAX_SUMMARY_WORDS = 24
DANGLING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "AUX"}
def _governing_verb(token: Token) -> Token | None:
    """Climb from the date to the nearest verb (or copula head) that governs it."""
    seen = 0
    while seen < 40:
        if token.pos_ == "VERB" or any(c.dep_ == "cop" for c in token.children):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None
SPEECH_VERBS = {
    "affirmer", "ajouter", "annoncer", "assurer", "déclarer", "dire", "estimer", "expliquer",
    "indiquer", "insister", "juger", "noter", "observer", "poursuivre", "préciser", "rappeler",
    "répondre", "répéter", "souligner", "soutenir", "confier", "conclure", "avertir", "prévenir",
    "reconnaître", "relever", "lancer", "martelé", "marteler", "commenter", "écrire", "déplorer",
    "justifier", "raconter", "confirmer", "démentir", "regretter", "résumer", "tempêter",
}
RELATIVE_PRONOUNS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
def _subject(verb: Token) -> Token | None:
    """The verb's subject (the nearest one before it); for a participle or relative clause, the
    noun it describes."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            before = [c for c in subjects if c.i < node.i]
            if len(before) > 1 and before[-1].lower_ in {"nous", "vous", "me", "te"}:
                before.pop()  # "tant le public nous a plu": "nous" is the object, parsed as a subject
            subj = before[-1] if before else subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS and node.head.i != node.i and node.head.pos_ in NOMINAL:
                return node.head  # "la syndicaliste, qui a pris ses fonctions" → la syndicaliste
            return subj
        if node.dep_ in ("acl", "acl:relcl") and node.head.i != node.i:
            return node.head
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def _in_timex(tok: Token, t: Timex | None) -> bool:
    return t is not None and t.start <= tok.idx < t.end


FUNCTION_DEPS = {"case", "det", "fixed", "flat", "flat:name", "flat:foreign", "compound", "mark", "nummod"}
CUT_DEPS = {"acl:relcl", "appos", "parataxis", "advcl", "dislocated", "punct", "cc", "conj", "vocative"}


def _phrase(root: Token, exclude: Timex | None, limit: int = MAX_PART_TOKENS, skip: Token | None = None,
            cut: frozenset[str] | set[str] = CUT_DEPS) -> list[Token]:
    """``root``'s phrase, without the date, relative clauses, appositions or asides: the
    deepest modifiers are dropped first until it fits ``limit``, so a phrase is shortened
    whole ("la secrétaire générale de la CGT"), never cut mid-way."""
    skipped = set(skip.subtree) if skip is not None else set()
    depth = {root: 0}
    todo = [root]
    while todo:
        head = todo.pop()
        for tok in head.children:
            if tok in skipped or _in_timex(tok, exclude) or tok.dep_ in cut:
                continue
            if tok.dep_ in ("case", "det", "mark") and _in_timex(head, exclude):
                continue
            depth[tok] = depth[head] + (tok.dep_ not in FUNCTION_DEPS)
            todo.append(tok)
    toks = sorted((t for t in depth if t.text not in {"(", ")", "«", "»", '"'}), key=lambda t: t.i)
    for d in range(6, -1, -1):
        out = [t for t in toks if depth[t] <= d]
        if len(out) <= limit:
            break
    while out and out[-1].pos_ in DANGLING_POS:  # a phrase must not end on "de", "la", "et"
        out.pop()
    while out and out[0].pos_ in ("PUNCT", "CCONJ"):
        out.pop(0)
    return out


def _person_in(tokens: Sequence[Token], mentions: Sequence[Mention]) -> str | None:
    """The name of the first person mentioned within these tokens."""
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    for m in mentions:
        if m.type == "PER" and m.start >= lo and m.end <= hi:
            return m.name
    return None
def _resolve_pronoun(subj: Token, mentions: Sequence[Mention]) -> str | None:
    """A personal pronoun subject stands for a person only when that is safe: the last person
    named before it, in this sentence or as the subject of the one before, with no other
    person named beside it and no noun-phrase subject ("l'acteur français") in between,
    which could be the antecedent too."""
    if subj.pos_ != "PRON" or subj.lower_ not in {"il", "elle"}:
        return None
    doc, sent = subj.doc, subj.sent
    lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    before = [m for m in mentions if m.type == "PER" and lo <= m.start and m.end <= subj.idx]
    if not before:
        return None
    last = before[-1]
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None or len({m.name for m in before if m.start >= span.sent.start_char}) != 1:
        return None
    if span.sent.start != sent.start and span.root.dep_ not in SUBJECT_DEPS:
        return None
    between = doc.char_span(last.end, subj.idx, alignment_mode="expand")
    if between is not None and any(tok.dep_ in SUBJECT_DEPS and tok.pos_ == "NOUN" for tok in between):
        return None
    return last.name


def _pronoun_noun(subj: Token) -> Token | None:
    """"La part des logements loués a augmenté, alors qu'elle était de 83 %": a pronoun
    subject of a subordinate clause stands for the main clause's noun subject, when that noun
    agrees with it in gender and number (and is the only subject before it that does)."""
    if subj.lower_ not in {"il", "elle", "ils", "elles"}:
        return None
    sent = subj.sent
    before = [tok for tok in sent if tok.i < subj.i and tok.dep_ in SUBJECT_DEPS and tok.pos_ == "NOUN"]
    agree = [tok for tok in before if _same_form(tok, subj)]
    if len(agree) != 1 or agree[0].head.i == subj.head.i:
        return None
    return agree[0]


def _same_form(noun: Token, pronoun: Token) -> bool:
    """Whether noun and pronoun agree in gender and number, both known (a noun's gender may be
    read on its article: "la part")."""
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    gender = noun.morph.get("Gender") or (det.morph.get("Gender") if det is not None else [])
    number = noun.morph.get("Number") or (det.morph.get("Number") if det is not None else [])
    return bool(gender) and bool(number) and gender == pronoun.morph.get("Gender") \
        and number == pronoun.morph.get("Number")
QUOTE_MARKS = {'"', "«", "»", "“", "”"}
CORE_COMPLEMENTS = ("obj", "iobj", "xcomp", "ccomp", "obl:arg", "obl:agent", "expl:comp")
CLITICS = {"obj", "iobj", "expl:pv", "expl:comp", "expl:pass", "expl", "obl:arg"}
CLAUSE_STOPS = {",", ";", ":", ".", "(", "–", "—", "-", "!", "?", "…"}
CONTRACTIONS = {"du": "le", "des": "les", "au": "le", "aux": "les"}
# Verbs whose compound tenses take "être" (French grammar, a closed class): a participle of one
# of them describing a noun says "X est arrivé", of any other transitive verb "X a été nommé".
ETRE_VERBS = {
    "aller", "venir", "arriver", "partir", "entrer", "sortir", "monter", "descendre", "naître",
    "mourir", "décéder", "rester", "tomber", "retourner", "devenir", "revenir", "parvenir",
    "survenir", "intervenir", "redevenir", "repartir", "rentrer", "ressortir", "apparaître", "advenir",
}
def _removed(verb: Token, t: Timex | None) -> set[int]:
    """Token indexes a summary leaves out: the event's own date with the words that introduce
    it ("d'ici 2025", "en 2019") and the commas around it, but only when taking it out leaves
    a sentence ("dans la nuit de samedi à dimanche" keeps its date: "dans … à dimanche" would not)."""
    if t is None:
        return set()
    sent = verb.sent
    date = [tok.i for tok in sent if _in_timex(tok, t)]
    if not date:
        return set()
    lo, hi = date[0], date[-1]
    nxt = verb.doc[hi + 1] if hi + 1 < sent.end else None
    if nxt is not None and nxt.lower_ in {"à", "a", "au", "aux", "et", "-", "–"} or _date_needed(verb.doc, lo, hi):
        return set()
    k, run = lo - 1, set(date)
    while k >= sent.start and (verb.doc[k].pos_ in ("ADP", "DET") or verb.doc[k].lower_ in DATE_LEADS
                               or verb.doc[k].dep_ == "fixed"
                               or (verb.doc[k].head.i in run and verb.doc[k].dep_ in FUNCTION_DEPS | {"advmod"})):
        run.add(k)
        k -= 1
    out = set(range(k + 1, hi + 1))
    if k >= sent.start and verb.doc[k].text == "," and nxt is not None and nxt.text == ",":
        out |= {k, nxt.i}
    return out


def _date_needed(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the date tokens ``lo..hi`` must stay: they are what "être" says ("le fait que nous
    sommes [dimanche] explique …"; taken out, "nous sommes" is left saying nothing)."""
    return lo > 0 and doc[lo - 1].lemma_ == "être" and any(  # not "est [aujourd'hui] disponible"
        c.dep_ == "cop" for tok in doc[lo : hi + 1] for c in tok.children)


DATE_LEADS = {"ici", "partir", "lors", "courant", "depuis", "dès", "jusqu'", "jusque"}


def _subject_words(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> list[str] | None:
    """The subject to say before the verb: its phrase, the antecedent of a relative pronoun,
    a pronoun's person when safe; ``[]`` when the subject comes after the verb (it is said
    in the clause), None when there is none."""
    if any(c.dep_ == "expl:subj" for c in verb.children):
        return []  # "il existe …", "il était possible …": the expletive is in the verb group
    rel = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS), None)
    if rel is not None:
        return _antecedent(rel, t)
    subj = _subject(verb)
    if subj is None or _in_timex(subj, t):
        return None
    if subj.i > verb.i and subj in set(verb.subtree):
        return []
    if subj.lower_ in RELATIVE_PRONOUNS:
        return _antecedent(subj, t)
    name = _resolve_pronoun(subj, mentions)
    if name:
        return [name]
    noun = _pronoun_noun(subj)
    if noun is not None:
        return _strip_preposition([w for w in _phrase(noun, t, limit=8) if w.i < subj.i])
    words = _phrase(subj, t, limit=12, skip=verb if verb in set(subj.subtree) else None, cut=SUBJECT_CUT)
    words = sorted({*words, *_restrictive_relative(subj, verb, t)} - _false_conjuncts(subj), key=lambda w: w.i)
    commas = [tok.i for tok in subj.doc[words[0].i : subj.i] if tok.text == ","] if words else []
    if commas:  # "Attaquée par le magnat, la Chine …": a detached phrase before the subject is not it
        words = [w for w in words if w.i > commas[-1]]
    words = [w for k, w in enumerate(words) if w.text != "," or (  # commas only between conjuncts
        k + 1 < len(words) and "conj" in (words[k + 1].dep_, words[k + 1].head.dep_))]
    words = _coordination_before(words, verb) + words
    return _dont(_strip_preposition([w for w in words if w.lower_ != "dont"]), words, t)


def _false_conjuncts(subj: Token) -> set[Token]:
    """"L'assemblée des salariés, réunie lundi pour …, s'est interrompue": a "conjunct" that
    no "et"/"ou" joins, a comma closes and no article opens (a participle taken for a noun) is an
    aside the parser took for a list; it is not part
    of the subject (a real list, "Paul, Marie et Louis", has its conjunction)."""
    conjuncts = [c for c in subj.children if c.dep_ == "conj"]
    if not conjuncts or any(g.dep_ == "cc" for c in conjuncts for g in c.children):
        return set()
    doc = subj.doc  # an aside is closed by a comma; "Boudés …, les frères Dardenne pourront" is not one
    closed = [c for c in conjuncts if (end := max(t.i for t in c.subtree) + 1) < len(doc) and doc[end].text == ","
              and c.pos_ != "PROPN" and not any(g.dep_ == "det" for g in c.children)]  # "les frères …": a noun phrase
    return {tok for c in closed for tok in c.subtree}


def _restrictive_relative(subj: Token, verb: Token, t: Timex | None, limit: int = 6) -> list[Token]:
    """"Toute organisation qui perçoit des aides est soumise …": a short relative clause written
    right after its noun, with no comma, restricts what the noun means; the subject keeps it
    (one between commas is an aside and is left out)."""
    for rel in subj.children:
        words = list(rel.subtree)
        if rel.dep_ != "acl:relcl" or rel.i < subj.i or verb in words or len(words) > limit:
            continue
        before = subj.doc[words[0].i - 1] if words[0].i > 0 else None
        if before is None or before.text == "," or any(tok.is_punct or _in_timex(tok, t) for tok in words):
            continue
        if words[0].lower_ in RELATIVE_PRONOUNS | {"que", "qu'", "où"}:
            return words
    return []


def _dont(words: list[str], tokens: list[Token], t: Timex | None) -> list[str]:
    """"dont la réforme avait été …" → "la réforme du corps électoral avait été …": a "dont"
    in the subject stands for "de" + its antecedent, said after the noun."""
    dont = next((tok for tok in tokens if tok.lower_ == "dont"), None)
    antecedent = _antecedent(dont, t) if dont is not None else None
    if not antecedent:
        return words
    first = antecedent[0].lower()
    de = {"le": ["du"], "les": ["des"]}.get(first, ["d'" if first[:1] in "aeiouyéèh" else "de", antecedent[0]])
    return [*words, *de, *antecedent[1:]]


SUBJECT_CUT = CUT_DEPS - {"conj", "cc", "punct"}  # "Hernandez, Pavard et Tolisso vont …": all of them


def _coordination_before(words: list[Token], verb: Token) -> list[Token]:
    """"Paul Martin, Jeanne Petit et Louis Durand ont fondé": when a plural verb's subject
    came out as the last name of a list, the names before "et" belong to it too."""
    if not words:
        return []
    doc, first = verb.doc, words[0]
    finite = next((c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i), verb)
    if first.i < 2 or doc[first.i - 1].lower_ not in {"et", "ou"} or "Plur" not in finite.morph.get("Number") \
            or "Plur" in first.morph.get("Number"):
        return []
    j = first.i - 2
    while j >= first.sent.start and (doc[j].pos_ in ("PROPN", "NOUN", "DET", "ADJ") or doc[j].text == ","):
        j -= 1
    before = [tok for tok in doc[j + 1 : first.i]]
    while before and before[0].text == ",":
        before.pop(0)
    return before if any(tok.pos_ in ("PROPN", "NOUN") for tok in before) else []


def _strip_preposition(tokens: list[Token]) -> list[str]:
    """"du festival" → "le festival", "d'une neige" → "une neige": a subject phrase taken out
    of a prepositional phrase loses its preposition (a contracted one becomes its article),
    and the "que" that introduced it; an article stays ("De nombreuses zones", "Des discussions"),
    and a plural noun after a bare "de" gets one ("de discussions" → "des discussions")."""
    words = [tok.text for tok in tokens]
    k = 0
    while k < len(tokens) and tokens[k].dep_ != "det" and (tokens[k].pos_ == "ADP" or tokens[k].lower_ in PREPOSITIONS):
        k += 1
    if 0 < k < len(tokens) and tokens[k - 1].lower_ in CONTRACTIONS:
        return [CONTRACTIONS[tokens[k - 1].lower_], *words[k:]]
    if 0 < k < len(tokens) and tokens[k - 1].lower_ == "de" and tokens[k].pos_ == "NOUN" \
            and "Plur" in tokens[k].morph.get("Number"):
        return ["des", *words[k:]]
    return words[k:]




def _antecedent(rel: Token, t: Timex | None) -> list[str] | None:
    """The noun phrase a relative pronoun stands for: the noun written just before it, the
    noun phrase that one belongs to, or the noun the parse attached the clause to, whichever
    agrees with the verb (number, and gender of a participle with "être": "le festival de
    musique, qui s'est déroulé" → le festival); on a tie, the phrase holding the written noun."""
    doc, k = rel.doc, rel.i - 1
    if k >= rel.sent.start and doc[k].text == ",":
        k -= 1
    if k >= rel.sent.start and doc[k].text == ")":  # "du FLNKS (Front de libération …), qui": the noun before
        while k >= rel.sent.start and doc[k].text != "(":
            k -= 1
        k -= 1
    written = doc[k] if k >= rel.sent.start and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") else None
    while written is not None and written.dep_ in ("amod", "flat:name", "flat", "fixed", "nummod", "compound") \
            and written.head.i < written.i:
        written = written.head
    verb = rel.head
    attached = verb.head if verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN") \
        and verb.head.i < rel.i else None
    outer, node = [], written  # the nouns it belongs to: "les indépendantistes du FLNKS, qui doivent"
    while node is not None and len(outer) < 3 and node.dep_ in ("nmod", "obl:mod") and \
            node.head.pos_ in ("NOUN", "PROPN") and node.head.i < node.i:  # "un match sans vraies occasions qui"
        node = node.head
        outer.append(node)
    candidates = [c for c in (written, *outer, attached) if c is not None]
    if not candidates:
        return None
    node = max(candidates, key=lambda c: (_agrees(verb, c), written is not None and written in set(c.subtree),
                                          attached is not None and c.i == attached.i))
    words = [x for x in _phrase(node, t, limit=7) if x.i < rel.i and not (  # "c'est" of a cleft
        x.head.i == node.i and x.dep_ in ("cop", "nsubj", "expl:subj"))]
    return _strip_preposition(words) or None


def _agrees(verb: Token, noun: Token) -> int:
    """How many of number and gender ``noun`` shares with the relative clause's verb."""
    finite = next((c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"), verb)
    score = int(bool(set(finite.morph.get("Number")) & set(noun.morph.get("Number"))))
    etre = any(c.lemma_ == "être" for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")
    if etre and "Part" in verb.morph.get("VerbForm"):
        score += int(bool(set(verb.morph.get("Gender")) & set(noun.morph.get("Gender"))))
    return score


def _verb_start(verb: Token) -> int:
    """Where the verb group starts: its first auxiliary, clitic, negation or copula."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    opening = min((tok.i for s in subjects[:1] for tok in s.subtree), default=verb.i)
    cut = max((tok.i for tok in verb.doc[verb.sent.start : opening] if tok.is_punct), default=-1)
    parts = [c.i for c in verb.children if cut < c.i < verb.i and "Rel" not in c.morph.get("PronType") and (
        c.dep_ in VERB_PARTS or c.dep_ in ("cop", "expl:subj") or c.lower_ in NEGATION
        or (c.dep_ in CLITICS and c.pos_ == "PRON")
        or (len(subjects) > 1 and c.i == subjects[-1].i and c.lower_ in OBJECT_PRONOUNS))]
    return min([verb.i, *parts])


OBJECT_PRONOUNS = {"nous", "vous", "me", "te", "m'", "t'"}


def _walk(verb: Token, start: int, t: Timex | None, removed: set[int]) -> list[Token]:
    """The clause's words in written order from ``start``: up to the first punctuation after
    the verb's first words, the start of a coordinated clause, or the end of the verb's
    phrase; without the ``removed`` words (the date) or quotation marks."""
    inside = {tok.i for tok in verb.subtree}
    aside = _aside_after(verb, removed)
    words: list[Token] = []
    for tok in verb.doc[start : verb.sent.end]:
        if tok.i in removed or tok.i in aside or tok.is_space or tok.text in QUOTE_MARKS or tok.text == ")":
            continue
        if tok.i > verb.i:
            if tok.text == ":" and words and words[-1].i == verb.i and verb.lemma_ in SPEECH_VERBS:
                words.append(tok)  # "X a déclaré : …" goes on to what was said
                continue
            if tok.text == "," and len(words) > 2 and (inner := _inner_aside(tok, words)):
                aside |= inner
                continue
            if _stops(tok) and (len(words) > 2 or tok.text != ","):
                break
            if tok.i not in inside and len(words) > 2:
                break
            if tok.dep_ == "cc" and tok.head.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and (
                    tok.head.head.i == verb.i or _is_finite_verb(tok.head) and tok.head.head in words):
                break  # "… et a notamment mis en avant …": a coordinated verb starts another clause
        if _in_timex(tok, t) and tok.i > verb.i and not removed:
            words.append(tok)  # the date stays when taking it out would break the sentence
            continue
        if _stops(tok) and tok.i > verb.i:
            continue
        words.append(tok)
    return words


def _inner_aside(comma: Token, words: list[Token], limit: int = 16) -> set[int]:
    """"doit rencontrer, pour la première fois, le milliardaire": a verbless circumstance between
    commas inside the clause, after which it goes on with a word that depends on one already
    said, is left out (a list's next item or a new clause is not)."""
    doc, end = comma.doc, comma.sent.end
    close = next((k for k in range(comma.i + 1, min(comma.i + limit, end)) if doc[k].text in CLAUSE_STOPS), None)
    if close is None or doc[close].text != "," or close + 1 >= end or doc[comma.i + 1].pos_ not in ("ADP", "ADV"):
        return set()  # a circumstance ("pour la première fois"), not a noun phrase ("M. Mattis", the subject)
    top = doc[close + 1]
    while top.head.i > close and top.head.i != top.i:  # the word the continuation hangs from
        top = top.head
    if top.head.i not in {w.i for w in words} or top.dep_ in CUT_DEPS | {"acl", "nsubj", "nsubj:pass"}:
        return set()
    if any(tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") for tok in doc[comma.i : close]):
        return set()
    return set(range(comma.i, close + 1))


def _aside_after(verb: Token, removed: set[int]) -> set[int]:
    """"a reçu, durant une heure, Sophie Binet": an aside between commas right after the verb,
    before its object, is left out so the clause goes on to the object."""
    doc, end = verb.doc, verb.sent.end
    k = verb.i + 1
    while k < end and k in removed:
        k += 1
    if k >= end or doc[k].text != ",":
        return set()
    close = next((j for j in range(k + 1, end) if doc[j].text == "," and j not in removed), None)
    if close is None:
        return set()
    core = [c for c in verb.children if c.dep_ in ("obj", "ccomp", "xcomp") or (c.dep_ == "dep" and c.pos_ in NOMINAL)]
    objects = [c for c in core if c.i > close]
    inner = set(range(k, close + 1))
    if not objects or any(c.i in inner for c in core):
        return set()
    return inner


def _stops(tok: Token) -> bool:
    """Punctuation that ends a clause; a hyphen only when spaced as a dash ("Royaume-Uni")."""
    if tok.text == "-":
        return bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in CLAUSE_STOPS


def _written_clause(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str:
    """Subject + verb group + complements as written; "" when the clause has no subject to
    say (the caller then says the sentence)."""
    subject = _subject_words(verb, t, mentions)
    if subject is None:  # the parse gave none: the opening noun phrase (of the first conjunct)
        subject = _written_subject(verb.head if verb.dep_ == "conj" else verb, t)
    if subject is None and not any(c.dep_ == "expl:subj" for c in verb.children) and \
            "Imp" not in verb.morph.get("Mood") or [w.lower() for w in subject or []] == ["ce"]:
        return ""  # no subject, or the "ce" of "…, ce qui bouleverserait …": the sentence says it
    body, removed = _body(verb, _verb_start(verb), t)
    if verb.lemma_ in LIGHT_VERBS and not any(tok.i > verb.i and tok.pos_ in CONTENT_POS for tok in body):
        return ""  # "le joueur n'avait encore [rien dit]": a light verb alone says nothing
    return _finish(subject or [], body, removed, verb)


def _written_subject(verb: Token, t: Timex | None, limit: int = 12) -> list[str] | None:
    """When the parse gave a finite verb no subject, the noun phrase the sentence opens with,
    written right before the verb group or before an aside closed by a comma just before it
    ("L'assemblée générale des personnels, réunie lundi pour …, s'est interrompue")."""
    doc, start = verb.doc, _verb_start(verb)
    toks = [tok for tok in doc[verb.sent.start : start] if not tok.is_space]
    if not toks or toks[0].pos_ not in ("DET", "PROPN", "NOUN") or not _is_finite_verb(verb):
        return None
    first = next((k for k, tok in enumerate(toks) if _stops(tok) or tok.text in QUOTE_MARKS), None)
    if first is not None and toks[-1].text != ",":
        return None
    seg = toks if first is None else toks[:first]
    if not seg or len(seg) > limit or any(_in_timex(tok, t) or tok.like_num for tok in seg) or any(
            tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") for tok in seg):
        return None
    if not any(tok.pos_ in ("NOUN", "PROPN") for tok in seg) or "Rel" in seg[-1].morph.get("PronType"):
        return None
    return [tok.text for tok in seg]


def _is_finite_verb(verb: Token) -> bool:
    """A finite verb or a participle with a finite auxiliary (a clause that needs a subject)."""
    return "Fin" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)


LIGHT_VERBS = {"avoir", "être", "faire", "aller", "pouvoir", "devoir", "vouloir", "venir"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "PRON"}


def _body(verb: Token, start: int, t: Timex | None) -> tuple[list[Token], set[int]]:
    """The clause's words without its date, or with it when without it the verb would stand
    alone ("avaient lieu [ce mercredi soir]", "a duré [tout le semestre]")."""
    removed = _removed(verb, t)
    body = _walk(verb, start, t, removed)
    if removed and not any(tok.i > verb.i for tok in body):
        removed = set()
        body = _walk(verb, start, t, removed)
    return body, removed


def _finish(subject: list[str], body: list[Token], removed: set[int], verb: Token,
            limit: int = MAX_SUMMARY_WORDS) -> str:
    """Join subject and clause within ``limit`` words; a cut clause ends on a whole phrase (no
    preposition, article or verb left without the object that followed it) and says "…"."""
    room = max(limit - len(subject), 4)
    cut = len(body) > room
    kept = body[:room]
    if not kept:
        return _join(subject)
    dropped = ({tok.i for tok in body[room:]} | set(range(kept[-1].i + 1, kept[-1].sent.end))) - removed
    while kept and kept[-1].i != verb.i and (kept[-1].pos_ in DANGLING_POS or _lost_part(kept[-1], dropped)
                                             or (cut and "Rel" in kept[-1].morph.get("PronType"))):
        dropped.add(kept.pop().i)
    text = _join([*subject, *[tok.text for tok in kept]])
    return text + "…" if cut and text else text


def _lost_part(tok: Token, dropped: set[int]) -> bool:
    """Whether ``tok`` lost, in the cut, the word right after it that it needs: its object or
    complement, or the head it modifies ("afin d'empêcher [l'industrie]", "plus de [2.000]")."""
    nxt = next((x for x in tok.doc[tok.i + 1 : tok.sent.end] if x.i in dropped and x.text not in QUOTE_MARKS), None)
    if nxt is None or nxt.text in CLAUSE_STOPS:
        return False
    needs = [c for c in tok.children if c.dep_ in CORE_COMPLEMENTS + ("nmod", "fixed") and c.i > tok.i]
    if any(nxt in set(c.subtree) for c in needs):
        return True
    return tok.head.i in dropped and tok.dep_ in FUNCTION_DEPS | SUBJECT_DEPS | {"amod", "advmod", "nummod"}


def _follows(verb: Token, noun: Token) -> bool:
    """Whether the participle comes right after its noun's phrase (a comma apart at most):
    only then is "noun + participle" what the sentence says."""
    if verb.i < noun.i:
        return False
    phrase = set(noun.subtree) - set(verb.subtree)
    return all(tok in phrase or tok.text == "," for tok in noun.doc[noun.i + 1 : verb.i])


def _participle_clause(verb: Token, t: Timex | None, mentions: Sequence[Mention]) -> str:
    """"Marie Durand, nommée à la tête de l'agence le 3 mars" → "Marie Durand a été nommée à la
    tête de l'agence"; in a future or conditional sentence ("sera le sujet discuté jeudi") the
    participle's time is not the past: the sentence's clause is said instead."""
    noun = verb.head
    above = noun if any(c.dep_ == "cop" for c in noun.children) else (
        _governing_verb(noun.head) if noun.head.i != noun.i else None)
    if above is not None and ({"Fut"} & set(above.morph.get("Tense")) or "Cnd" in above.morph.get("Mood")
                              or any("Fut" in c.morph.get("Tense") for c in above.children if c.dep_ == "cop")):
        return _written_clause(above, t, mentions)
    if noun.pos_ not in ("NOUN", "PROPN") or "Past" not in verb.morph.get("Tense") or not _follows(verb, noun) \
            or not verb.lemma_.endswith(("er", "ir", "re")) or verb.lower_.startswith(verb.lemma_):
        return ""  # "inédite" (inédit), "souvenirs" (souvenir): not participles
    words = [w for w in _phrase(noun, t, limit=8, skip=verb) if w.i < verb.i]
    subject = _person_in(words, mentions) if noun.pos_ == "PROPN" else None
    subject_words = [subject] if subject else _strip_preposition(words)
    plural = "Plur" in (noun.morph.get("Number") or verb.morph.get("Number"))
    if verb.lemma_ in ETRE_VERBS:
        aux = ["sont" if plural else "est"]
    else:
        aux = ["ont" if plural else "a", "été"]
    body, removed = _body(verb, verb.i, t)
    return _finish([*subject_words, *aux], body, removed, verb)
def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out:
            out = w
        elif out.endswith(("'", "-")) or w in {",", ".", ")"} or w.startswith("-"):
            out += w
        else:
            out += " " + w
    return out.strip(" ,;:«»\"")
