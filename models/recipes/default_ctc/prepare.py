"""Build the training and held-out test audio for a default CTC model.

Charkha's own tools make the data: `charkha generate` writes entity-dense
rows (train split for training, the held-out templates and values for test),
`charkha synthesize` speaks them with espeak-ng. Training rows get a random
voice variant per row and a random rate, pitch and augmentation per group;
test rows are spoken by variants that training never hears, clean and
through the telephone channel.

    /usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --train 6000 --test 300

The entity-free control of docs/experiments/entity-density.md: the same
templates with plain words in their slots (`generate --plain-slots`), the
same voices and augmentation, and the dense folder's held-out test (copied,
not regenerated, so both models are scored on the same sentences):

    /usr/bin/python3 models/recipes/default_ctc/prepare.py --lang hi --train 1500 --plain-slots \
        --test-from models/recipes/.work/hi --out models/recipes/.work/hi-plain

Set CHARKHA_CLI (e.g. "node --import tsx native/cli/bin.ts") to run the CLI
from source instead of the build.
"""
import argparse
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CLI = (shlex.split(os.environ["CHARKHA_CLI"]) if os.environ.get("CHARKHA_CLI")
       else [os.environ.get("NODE", "node"), os.path.join(REPO, "bin", "charkha.js")])

TRAIN_VARIANTS = [
    "m1", "m2", "m3", "m5", "m6", "m7", "f1", "f2", "f4", "f5", "klatt", "klatt2", "klatt3",
    "adam", "anika", "ed", "iven", "linda", "paul", "steph", "max", "norbert", "robert", "shelby",
]
# Never heard in training: the test split is spoken by these.
TEST_VARIANTS = ["m4", "f3", "m8"]
TRAIN_AUGMENT = ["clean", "clean", "noisy", "phone", "room", "speed-0.9", "speed-1.1", "noisy-phone", "far-field"]


def run(cmd):
    print("+", " ".join(cmd[len(CLI):]), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def synth_groups(rows, out_dir, groups, rng, variants, augments, rates, pitches):
    """Speak rows in groups; each group one rate/pitch/augmentation, each row its own variant."""
    os.makedirs(out_dir, exist_ok=True)
    manifest = []
    size = (len(rows) + groups - 1) // groups
    for g in range(groups):
        part = rows[g * size:(g + 1) * size]
        if not part:
            continue
        for r in part:
            r["voice"] = f"{r['lang']}+{rng.choice(variants)}"
        rate, pitch, aug = rng.choice(rates), rng.choice(pitches), rng.choice(augments)
        gdir = os.path.join(out_dir, f"g{g:03d}")
        src = os.path.join(out_dir, f"g{g:03d}.jsonl")
        # A run stopped part-way resumes: a group already spoken from the same rows is kept.
        done = os.path.exists(os.path.join(gdir, "manifest.jsonl")) and os.path.exists(src) \
            and read_rows(src) == part
        if not done:
            write_rows(src, part)
            run(CLI + ["synthesize", "--in", src, "--out", gdir, "--rate", str(rate), "--pitch", str(pitch),
                       "--augment", aug, "--seed", str(g + 1), "--sample-rate", "16000", "--loudness", "-23"])
        by_id = {r["id"]: r for r in part}
        for m in read_rows(os.path.join(gdir, "manifest.jsonl")):
            r = by_id[m["id"]]
            manifest.append({
                "id": r["id"], "audio": os.path.relpath(os.path.join(gdir, m["file"]), out_dir),
                "spoken": r["spoken"], "text": r["text"], "voice": r["voice"], "rate": rate,
                "pitch": pitch, "augment": aug, "entity_class": r["entity_class"], "duration": m["duration"],
            })
    write_rows(os.path.join(out_dir, "manifest.jsonl"), manifest)
    return manifest


NUMERIC_TYPES = {"currency_amount", "digit_run", "pincode", "phone"}


def latin_numbers(row):
    """Does a number in this row's spoken form come in Latin letters (an English code-mixed row)?"""
    return any(t["type"] in NUMERIC_TYPES and any("a" <= ch.lower() <= "z" for ch in t["surface"])
               for t in row["spoken_tokens"])


def speak_new_rows(a, out, seen, *, n, classes, factor, keep, seed, name, flag, transform=None):
    """Draw n train-split rows (seed, classes) that `keep` accepts and `seen` lacks; speak them into train-<name>/.

    `transform(row, rng)` may rewrite a candidate first (None drops it).
    """
    cand_path = os.path.join(out, f"{name}-candidates.jsonl")
    cmd = CLI + ["generate", "--lang", a.lang, "--count", str(n * factor), "--split", "train",
                 "--seed", str(seed), "--out", cand_path]
    run(cmd + (["--classes", classes] if classes else []))
    rows = []
    rng = random.Random(seed + 1)
    for r in read_rows(cand_path):
        if transform is not None:
            r = transform(r, rng)
            if r is None:
                continue
        if keep(r) and r["text"] not in seen:
            seen.add(r["text"])
            rows.append(r)
    if len(rows) < n:
        raise SystemExit(f"{flag} {n}: only {len(rows)} such rows in {n * factor} candidates")
    rows = rows[:n]
    write_rows(os.path.join(out, f"{name}-rows.jsonl"), rows)
    synth_groups(rows, os.path.join(out, f"train-{name}"), max(1, n // 150), random.Random(seed),
                 TRAIN_VARIANTS, TRAIN_AUGMENT, [130, 150, 165, 175, 190, 210], [35, 45, 50, 55, 65])
    print(f"prepared {len(rows)} train rows in {out}/train-{name}")


def make_extra(a, out, train):
    """More train rows with Latin-written numbers, spoken like the rest, in train-extra/.

    Only the generator's `mixed` class writes numbers in English words, and
    about one row in five of it does: the base train split has too few such
    rows (a few per cent) for a small character model to learn to spell
    them, so this draws them from a larger train-split sample (another seed;
    rows whose text the base split already has are left out).
    """
    speak_new_rows(a, out, {r["text"] for r in train}, n=a.extra_latin_numbers, classes="mixed", factor=8,
                   keep=latin_numbers, seed=a.seed + 5000, name="extra", flag="--extra-latin-numbers")


def make_more(a, out, train):
    """More train-split rows of the given classes (another seed), spoken like the rest, in train-more/.

    The base split's rows come from a fixed set of train templates; more rows
    give the model more values and more of the templates' contexts around
    them (the held-out test's templates are still never used). Rows whose
    text the base split or the extra rows already have are left out.
    """
    seen = {r["text"] for r in train}
    extra_path = os.path.join(out, "extra-rows.jsonl")
    if os.path.exists(extra_path):
        seen |= {r["text"] for r in read_rows(extra_path)}
    speak_new_rows(a, out, seen, n=a.more_rows, classes=a.more_classes, factor=2, keep=lambda r: True,
                   seed=a.seed + 6000, name="more", flag="--more-rows")
    # What was asked, for train.py to record (and the model card to repeat).
    classes = a.more_classes.split(",") if a.more_classes else None
    with open(os.path.join(out, "train-more", "request.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": a.more_rows, "classes": classes}, f)


def swap_word_before(text, spans, words):
    """Replace the word right before each span (not across punctuation) with the given word; spans shift."""
    spans = [dict(t) for t in spans]
    for i in sorted(range(len(spans)), key=lambda i: spans[i]["start"], reverse=True):
        if words[i] is None:
            continue
        end = spans[i]["start"]
        while end > 0 and text[end - 1] == " ":
            end -= 1
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == end or unicodedata.category(text[end - 1])[0] not in "LMN":
            continue  # no word before it, or punctuation (a pause) in between
        delta = len(words[i]) - (end - start)
        text = text[:start] + words[i] + text[end:]
        for t in spans:
            if t["start"] >= end:
                t["start"] += delta
                t["end"] += delta
    return text, spans


def junction_rows(lang):
    """A transform for speak_new_rows: a plain word (the --plain-slots list) before each number."""
    with open(os.path.join(REPO, "assets", "lexicons", lang, "plain-words.json"), encoding="utf-8") as f:
        plain = json.load(f)["words"]

    def transform(r, rng):
        spoken, written = r["spoken_tokens"], r["entity_tokens"]
        if len(spoken) != len(written) or any(s["type"] != w["type"] for s, w in zip(spoken, written)):
            return None
        words = [rng.choice(plain) if t["type"] in NUMERIC_TYPES else None for t in spoken]
        if not any(words):
            return None
        new_spoken, new_spoken_tokens = swap_word_before(r["spoken"], spoken, words)
        new_text, new_entity_tokens = swap_word_before(r["text"], written, words)
        if new_spoken == r["spoken"]:
            return None
        return {**r, "id": r["id"] + "-j", "text": new_text, "spoken": new_spoken,
                "entity_tokens": new_entity_tokens, "spoken_tokens": new_spoken_tokens}

    return transform


def make_junction(a, out, train):
    """Train rows with a plain word swapped in right before each number, spoken like the rest, in train-junction/.

    A small character model learns where words end from the words it
    knows: after a word it never heard (the held-out templates have many),
    it tends to run that word into the number that follows ("सिरफ़चौंतीस").
    These rows put one of the generator's 200 plain words (the ones
    --plain-slots uses) before each number of a numeric-class train row, so
    that the number's left boundary is learned apart from its context.
    """
    seen = {r["text"] for r in train}
    speak_new_rows(a, out, seen, n=a.junction_rows, classes="currency,digits,addresses,mixed", factor=3,
                   keep=lambda r: True, seed=a.seed + 7000, name="junction", flag="--junction-rows",
                   transform=junction_rows(a.lang))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lang", required=True)
    p.add_argument("--train", type=int, default=6000)
    p.add_argument("--test", type=int, default=300)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default=None, help="default: models/recipes/.work/<lang>")
    p.add_argument("--plain-slots", action="store_true",
                   help="train on entity-free sentences: the templates' slots filled with plain words")
    p.add_argument("--extra-latin-numbers", type=int, default=0, metavar="N",
                   help="also speak N more train rows whose numbers are written in Latin letters (the code-mixed "
                        "'four hundred eighty rupees'), into train-extra/; train.py adds them to training")
    p.add_argument("--more-rows", type=int, default=0, metavar="N",
                   help="also speak N more train-split rows (another seed) into train-more/; train.py adds them "
                        "to training")
    p.add_argument("--more-classes", default=None, metavar="LIST",
                   help="with --more-rows: only these entity classes (comma-separated, as generate --classes)")
    p.add_argument("--junction-rows", type=int, default=0, metavar="N",
                   help="also speak N numeric-class train rows with a plain word swapped in right before each "
                        "number, into train-junction/; train.py adds them to training")
    p.add_argument("--only-extra", action="store_true",
                   help="with --extra-latin-numbers, --more-rows or --junction-rows: make only those rows (the work "
                        "folder's train data stays)")
    p.add_argument("--test-from", default=None,
                   help="reuse this work folder's held-out test (rows and any test audio) instead of generating one")
    a = p.parse_args()
    out = a.out or os.path.join(REPO, "models", "recipes", ".work", a.lang)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(a.seed)
    train_rows = os.path.join(out, "train-rows.jsonl")
    test_rows = os.path.join(out, "test-rows.jsonl")
    plain = ["--plain-slots"] if a.plain_slots else []
    if a.more_classes and a.more_rows <= 0:
        raise SystemExit("--more-classes needs --more-rows N")
    if a.only_extra:
        if a.extra_latin_numbers <= 0 and a.more_rows <= 0 and a.junction_rows <= 0:
            raise SystemExit("--only-extra needs --extra-latin-numbers N, --more-rows N or --junction-rows N")
        if not os.path.exists(train_rows):
            raise SystemExit(f"--only-extra: {train_rows} does not exist; run without --only-extra first")
        if a.extra_latin_numbers > 0:
            make_extra(a, out, read_rows(train_rows))
        if a.more_rows > 0:
            make_more(a, out, read_rows(train_rows))
        if a.junction_rows > 0:
            make_junction(a, out, read_rows(train_rows))
        return
    run(CLI + ["generate", "--lang", a.lang, "--count", str(a.train), "--split", "train", "--seed", str(a.seed),
               "--out", train_rows] + plain)
    if a.test_from:
        if os.path.abspath(a.test_from) == os.path.abspath(out):
            raise SystemExit("--test-from: give another work folder than --out")
        shutil.copyfile(os.path.join(a.test_from, "test-rows.jsonl"), test_rows)
    else:
        run(CLI + ["generate", "--lang", a.lang, "--count", str(a.test), "--split", "test", "--seed",
                   str(a.seed + 1000), "--out", test_rows])
    train = read_rows(train_rows)
    test = read_rows(test_rows)
    # Same seed, same group size: row k gets the same voice, rate, pitch and augmentation in either mode.
    synth_groups(train, os.path.join(out, "train"), max(1, a.train // 150), rng, TRAIN_VARIANTS, TRAIN_AUGMENT,
                 [130, 150, 165, 175, 190, 210], [35, 45, 50, 55, 65])
    for aug in ("clean", "phone"):
        dest = os.path.join(out, f"test-{aug}")
        src = os.path.join(a.test_from, f"test-{aug}") if a.test_from else None
        if src and os.path.exists(os.path.join(src, "manifest.jsonl")):
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(src, dest)
            continue
        synth_groups([dict(r) for r in test], dest, 1, random.Random(a.seed), TEST_VARIANTS, [aug], [175], [50])
    if a.extra_latin_numbers > 0:
        make_extra(a, out, train)
    if a.more_rows > 0:
        make_more(a, out, train)
    if a.junction_rows > 0:
        make_junction(a, out, train)
    print(f"prepared {len(train)} train and {len(test)} test rows in {out}")


if __name__ == "__main__":
    sys.exit(main())
