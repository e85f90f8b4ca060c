"""Large-input benchmark: time and peak memory of `quizgen build` on synthetic inputs up to
the largest one accepted, against plain ``jieba.lcut`` of the same text in the same run.

    python bench/large_inputs.py [--sizes 1,2,4] [--formats apkg,json,html,pdf] [--devset DIR]

Inputs, made from the texts of ``../shared/devset``:
- a line without any punctuation (1, 2, 4 MB): was quadratic (3.2 MB took 222 s);
- a normal text (1, 2, 4 MB; 4 MB is about the largest accepted, read.MAX_TEXT_CHARS);
- the 4 MB text as a .docx, and a .docx whose Word-style XML nearly reaches the limit
  on what a .docx may expand to (read.MAX_EXPANDED_BYTES);
- a .docx whose document.xml expands to 400 MB, and a 19 MB text: refused at once.

Targets: time per MB constant as the size doubles (linear), well under a minute per MB,
peak memory under 1 GB for the largest accepted input.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import lcut_baseline, timed_build  # noqa: E402

DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "devset"
MB = 2**20


def devset_text(folder: Path) -> str:
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {folder} (use --devset)")
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def repeated(text: str, megabytes: float) -> str:
    """``text`` repeated to ``megabytes`` of UTF-8 (cut at a character)."""
    size = int(megabytes * MB)
    data = (text * (size // len(text.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", "ignore")


def unpunctuated(text: str) -> str:
    """Han characters only: no punctuation, digits, Latin letters or line breaks."""
    return re.sub(r"[\W\d_a-zA-Z]+", "", text)


def write_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(path)


# One paragraph as Word writes it: run properties around a few characters of text
_WORD_PARAGRAPH = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:rFonts w:hint="eastAsia"/>'
                   '</w:rPr></w:pPr><w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" '
                   'w:eastAsia="宋体" w:hint="eastAsia"/><w:sz w:val="24"/></w:rPr><w:t>{}</w:t></w:r></w:p>')


def write_word_xml(path: Path, megabytes: float, text: str = "") -> None:
    """A .docx whose document.xml expands to ``megabytes`` MB: Word-style paragraphs of
    ``text`` (ten characters each, so that the XML is the most it can be for the text
    accepted), or whitespace padding when there is no text (a zip bomb: deflate shrinks
    it about a thousand times)."""
    import io

    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    template = zipfile.ZipFile(buf)
    head, tail = template.read("word/document.xml").split(b"<w:body>", 1)
    sentences = re.findall(r".{1,10}", text.replace("\n", "")) or [""]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, template.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head + b"<w:body>")
            written, i = 0, 0
            while written < megabytes * MB:
                block = (b" " * MB if not text else
                         "".join(_WORD_PARAGRAPH.format(sentences[(i + k) % len(sentences)])
                                 for k in range(500)).encode())
                member.write(block)
                written, i = written + len(block), i + 500
            member.write(tail)


def report(label: str, path: Path, formats: str, baseline_text: str | None,
           startup: float = 0.0) -> tuple[float, float, int]:
    """One build: seconds, s/MB less the start-up (imports, jieba's dictionary), peak memory."""
    megabytes = path.stat().st_size / MB
    seconds, peak, code = timed_build(path, 1, formats)
    line = (f"{label:<34} {megabytes:6.2f} MB {seconds:7.2f} s  {(seconds - startup) / megabytes:6.2f} s/MB"
            f"  peak {peak:5.0f} MB")
    if baseline_text is not None:
        text_file = path.with_suffix(".lcut.txt")
        text_file.write_text(baseline_text, encoding="utf-8")
        lcut = lcut_baseline([text_file])
        line += f"  lcut {lcut:5.2f} s  ratio {seconds / lcut:5.1f}x"
    print(line + ("" if code == 0 else f"  exit {code}"), flush=True)
    return seconds, peak, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,4", help="MB of text, comma-separated")
    parser.add_argument("--formats", default="apkg,json,html,pdf")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    source = devset_text(args.devset)
    work = Path(tempfile.mkdtemp(prefix="quizgen-large-"))
    worst_peak = 0.0
    try:
        tiny = work / "tiny.txt"
        tiny.write_text(source[:2000], encoding="utf-8")
        startup = timed_build(tiny, 1, args.formats)[0]
        print(f"formats {args.formats}; start-up {startup:.2f} s (a 2,000-character text), left out of s/MB; "
              f"ratio: build time / jieba.lcut time")
        for name, text in (("line without punctuation", unpunctuated(source)), ("normal text", source)):
            per_mb = []
            for size in sizes:
                content = repeated(text, size)
                path = work / f"{name.split()[0]}-{size:g}MB.txt"
                path.write_text(content, encoding="utf-8")
                seconds, peak, code = report(f"{name}, {size:g} MB", path, args.formats, content, startup)
                if code == 0:
                    per_mb.append((seconds - startup) / size)
                    worst_peak = max(worst_peak, peak)
            if len(per_mb) >= 2:
                print(f"  linearity: s/MB at the largest size / at the smallest = {per_mb[-1] / per_mb[0]:.2f}")
        largest = repeated(source, sizes[-1])
        docx_path = work / f"normal-{sizes[-1]:g}MB.docx"
        write_docx(largest, docx_path)
        _, peak, code = report(f"normal text as .docx ({sizes[-1]:g} MB text)", docx_path, args.formats, None,
                               startup)
        worst_peak = max(worst_peak, peak if code == 0 else 0)

        from quizgen.ingest.read import MAX_EXPANDED_BYTES

        limit = MAX_EXPANDED_BYTES / MB
        word_xml = work / "word-xml.docx"
        write_word_xml(word_xml, limit * 0.95, source)
        _, peak, code = report(f"Word XML of {limit * 0.95:.0f} MB (limit {limit:.0f})", word_xml, args.formats, None,
                               startup)
        worst_peak = max(worst_peak, peak if code == 0 else 0)

        bomb = work / "bomb.docx"
        write_word_xml(bomb, 400)
        start = time.perf_counter()
        report(".docx expanding to 400 MB", bomb, args.formats, None)
        huge = work / "huge-19MB.txt"
        huge.write_text(repeated(source, 19), encoding="utf-8")
        report("normal text, 19 MB (over the limit)", huge, args.formats, None)
        print(f"refusals took {time.perf_counter() - start:.1f} s in all")
        print(f"peak memory of the accepted inputs: {worst_peak:.0f} MB (target < 1024 MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
