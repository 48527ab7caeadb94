"""Surface forms of trigger verbs: past and present, all persons, common object suffixes.

Works on the consonantal skeleton (no diacritics), so active and passive share forms
("قصف" is both qasafa and qusifa). Defective and doubled verbs get their extra forms listed.
"""

from __future__ import annotations

from marsad.stages.normalize import normalize_string

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "نا", "تم", "ن")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ن")
_OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "نا")


def _present_stem(past: str) -> str:
    if past.startswith("ا") and len(past) > 3:
        return past[1:]            # Forms VII, VIII, X: استعاد -> يستعيد is irregular, see below
    if len(past) == 4 and past[1] == "ا":
        return past                # Form III: هاجم -> يهاجم
    return past


def _weak_variants(stem: str) -> set[str]:
    """Extra present stems of hollow and defective verbs (استعاد -> يستعيد, استولى -> يستولي)."""
    out = set()
    if "ا" in stem[1:-1]:
        out.add(stem[:stem.rindex("ا")] + "ي" + stem[stem.rindex("ا") + 1:])
    if stem.endswith("ي"):
        out.add(stem[:-1] + "ى")
    return out


def verb_forms(past_stem: str) -> set[str]:
    past, present = verb_forms_by_tense(past_stem)
    return past | present


def verb_forms_by_tense(past_stem: str) -> tuple[set[str], set[str]]:
    """(past forms, present forms) of a verb; a form that could be either counts as past."""
    past = normalize_string(past_stem)
    forms: set[str] = set()
    past_bases = {past}
    if past.endswith("ي"):                      # استولى -> استولت, استولوا
        past_bases.add(past[:-1])
    for base in past_bases:
        for suf in _PAST_SUFFIXES:
            for obj in _OBJECT_SUFFIXES:
                forms.add(base + suf + obj)
    past_forms = {f for f in forms if len(f) >= 2}
    forms = set()
    stems = {_present_stem(past)}
    stems |= {v for s in list(stems) for v in _weak_variants(s)}
    if len(past) == 2 or (len(past) == 3 and past[-1] == past[-2]):   # doubled: شن -> يشن
        stems.add(past[:2])
    for stem in stems:
        for pre in _PRESENT_PREFIXES:
            for suf in _PRESENT_SUFFIXES:
                for obj in _OBJECT_SUFFIXES:
                    forms.add(pre + stem + suf + obj)
    return past_forms, {f for f in forms if len(f) >= 2} - past_forms
