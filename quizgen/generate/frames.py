"""Questions on parallel frames (对上协调要在创新上下功夫, 对下协调要在关爱上下功夫): a choice
and a true/false pair per slot, and a multi-select of true and swapped statements."""

from __future__ import annotations

from . import distractors
from .context import OPTIONS, GeneratorContext, tidy, tiers
from ..items import Multi


def frame_questions(b: GeneratorContext) -> None:
    for sibling in b.doc.sibling_sets:
        if sibling.kind != "frame" or not sibling.subjects or len(sibling.members) < 2:
            continue
        slots = sibling.frame.count("{}")
        for i, member in enumerate(sibling.members):
            subject = sibling.subjects[i]
            stem_frame = sibling.frame
            if slots == 2:
                stem = stem_frame.replace("{}", _bare_subject(subject, stem_frame), 1).replace("{}", "什么", 1)
                statement_for = lambda value, s=subject, f=stem_frame: (  # noqa: E731
                    f.replace("{}", _bare_subject(s, f), 1).replace("{}", value, 1))
            else:
                stem = f"{subject}，什么{stem_frame.replace('{}', '')}" if subject else ""
                statement_for = lambda value, s=subject, f=stem_frame: f"{s}，{f.replace('{}', value)}"  # noqa: E731
            if not stem:
                continue
            key = f"{b.set_key(sibling)}-m{i + 1}"
            others = [m.text for m in sibling.members if m is not member]
            picks = distractors.choose(member.text, b.doc, sibling, "parallel", OPTIONS - 1,
                                       b.rng(key), forbidden=[], near=member.start)
            b.add_choice(f"{key}-choice", tidy(stem + "？"), member.text, [p.text for p in picks],
                         member, b.explain(member), ["frame", *tiers(picks)])
            b.add_judge(f"{key}-judge-true", statement_for(member.text) + "。", True, member,
                        b.explain(member), ["frame"])
            if others:
                wrong = others[(i + 1) % len(others)] if len(others) > 1 else others[0]
                b.add_judge(f"{key}-judge-false", statement_for(wrong) + "。", False, member,
                            b.explain(member, f"应为“{member.text}”。"), ["frame", "swap"])


def frame_statement_questions(b: GeneratorContext) -> None:
    """多选: 下列说法中，正确的有？ — true statements of a frame mixed with swapped ones."""
    for sibling in b.doc.sibling_sets:
        if sibling.kind != "frame" or not sibling.subjects or len(sibling.members) < 3:
            continue
        frame = sibling.frame
        two_slots = frame.count("{}") == 2

        def statement(subject: str, value: str) -> str:
            if two_slots:
                return frame.replace("{}", _bare_subject(subject, frame), 1).replace("{}", value, 1)
            return f"{subject}，{frame.replace('{}', value)}"

        values = [m.text for m in sibling.members]
        n = len(values)
        rng = b.rng(f"frame-multi-{sibling.members[0].start}")
        true_idx = sorted(rng.sample(range(n), min(n - 1, 3)))
        false_idx = [i for i in range(n) if i not in true_idx][:1] or [true_idx.pop()]
        options = [(statement(sibling.subjects[i], values[i]), True) for i in true_idx]
        for i in false_idx:
            options.append((statement(sibling.subjects[i], values[(i + 1) % n]), False))
        rng.shuffle(options)
        texts = [o for o, _ in options]
        answer = [k for k, (_, ok) in enumerate(options) if ok]
        first = sibling.members[0]
        wrong_note = "；".join(f"{statement(sibling.subjects[i], values[i])}" for i in false_idx)
        b.items.append(Multi(id=f"{b.set_key(sibling)}-multi", section=b.section_title(first),
                            source=b.sentence(first), question="下列说法中，正确的有？", options=texts,
                            answer=answer, explanation=f"原文为：{wrong_note}。", tags=["frame", "swap"]))


def _bare_subject(subject: str, frame: str) -> str:
    """对上协调 in a frame '{}协调要在{}上下功夫' fills the slot with 对上."""
    fixed = frame.split("{}")
    after = fixed[1] if len(fixed) > 1 else ""
    for n in range(len(after), 0, -1):
        if subject.endswith(after[:n]) and len(subject) > n:
            return subject[:-n]
    return subject
