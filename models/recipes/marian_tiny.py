"""Tiny Marian (opus-mt en→hi shape) in the transformers.js layout; see seq2seq_mt.py.

Marian's conventions: `</s>` = 0, `<unk>` = 1, `<pad>` = the last id and the
decoder start token, the source ends with `</s>` and carries no language
token (a multi-target Marian would start it with `>>hin<<`).

    /usr/bin/python3 models/recipes/marian_tiny.py
    /usr/bin/python3 models/recipes/marian_tiny.py --real-dims --out /tmp/marian   # opus-mt sizes
"""
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import parse_args  # noqa: E402
from seq2seq_mt import build, char_pieces, unigram_tokenizer  # noqa: E402

SAMPLE = "Pay ZX0 to ZX1"


def main():
    args = parse_args("marian-mt-tiny")
    vocab = ["</s>", "<unk>", "▁"] + char_pieces()
    if args.real_dims:
        # opus-mt-en-hi has 61950 tokens; the filler pieces are never produced by the tokenizer.
        vocab += [f"▁fill{i}" for i in range(61949 - len(vocab))]
    vocab.append("<pad>")
    ids = {t: i for i, t in enumerate(vocab)}
    pad = ids["<pad>"]
    sample = [ids[c] for w in SAMPLE.split(" ") for c in ["▁", *w]] + [0]
    tokenizer = unigram_tokenizer(
        vocab, 1, [("</s>", 0), ("<unk>", 1), ("<pad>", pad)],
        [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
        {"</s>": {"id": "</s>", "ids": [0], "tokens": ["</s>"]}},
    )
    build(args, {
        "id": "marian-mt-tiny-fixture", "family": "marian", "title": "Tiny Marian en→hi (transformers.js layout; random weights)",
        "model_type": "marian", "architecture": "MarianMTModel", "vocab": vocab, "languages": ["en", "hi"],
        "bos": 0, "eos": 0, "pad": pad, "decoder_start": pad, "sample": sample, "source": "models/recipes/marian_tiny.py",
        "tokenizer": tokenizer,
        "tokenizer_config": {"tokenizer_class": "MarianTokenizer", "source_lang": "en", "target_lang": "hi",
                             "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>", "model_max_length": 512},
        "generation": {"bad_words_ids": [[pad]], "num_beams": 1},
        "golden": {"text": SAMPLE},
        "card": "Test fixture in the transformers.js layout of a Marian (opus-mt) export, built by "
                "`models/recipes/marian_tiny.py`: one language pair, English → Hindi.",
    })


if __name__ == "__main__":
    main()
