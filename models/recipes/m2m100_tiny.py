"""Tiny M2M100 in the transformers.js layout; see seq2seq_mt.py.

M2M100's conventions: `<s>` 0, `<pad>` 1, `</s>` 2 (also the decoder start),
`<unk>` 3; language tokens `__xx__` are special tokens after the pieces; the
source is `__src__ text </s>` and generation forces `__tgt__` first.

    /usr/bin/python3 models/recipes/m2m100_tiny.py
    /usr/bin/python3 models/recipes/m2m100_tiny.py --real-dims --out /tmp/m2m100
"""
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import parse_args  # noqa: E402
from seq2seq_mt import build, char_pieces, unigram_tokenizer  # noqa: E402

LANGS = ["en", "hi", "te", "ta", "bn", "mr", "gu"]
SAMPLE = "Pay ZX0 to ZX1"


def main():
    args = parse_args("m2m100-tiny")
    vocab = ["<s>", "<pad>", "</s>", "<unk>", "▁"] + char_pieces()
    if args.real_dims:
        # m2m100_418M: 128112 tokens with its 100 language tokens.
        vocab += [f"▁fill{i}" for i in range(128112 - len(LANGS) - len(vocab))]
    vocab += [f"__{lang}__" for lang in LANGS]
    ids = {t: i for i, t in enumerate(vocab)}
    sample = [ids["__en__"]] + [ids[c] for w in SAMPLE.split(" ") for c in ["▁", *w]] + [2]
    specials = [("<s>", 0), ("<pad>", 1), ("</s>", 2), ("<unk>", 3)] + [(f"__{l}__", ids[f"__{l}__"]) for l in LANGS]
    tokenizer = unigram_tokenizer(
        vocab, 3, specials,
        [{"SpecialToken": {"id": "__en__", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
         {"SpecialToken": {"id": "</s>", "type_id": 0}}],
        {t: {"id": t, "ids": [i], "tokens": [t]} for t, i in specials if t != "<pad>" and t != "<unk>"},
    )
    build(args, {
        "id": "m2m100-tiny-fixture", "family": "m2m100", "title": "Tiny M2M100 (transformers.js layout; random weights)",
        "model_type": "m2m_100", "architecture": "M2M100ForConditionalGeneration", "vocab": vocab, "languages": LANGS,
        "bos": 0, "eos": 2, "pad": 1, "decoder_start": 2, "forced_bos": ids["__hi__"], "sample": sample,
        "source": "models/recipes/m2m100_tiny.py", "tokenizer": tokenizer,
        "tokenizer_config": {"tokenizer_class": "M2M100Tokenizer", "src_lang": "en", "tgt_lang": "hi",
                             "bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
                             "sep_token": "</s>", "additional_special_tokens": [f"__{l}__" for l in LANGS],
                             "model_max_length": 1024},
        "generation": {"num_beams": 1},
        "golden": {"text": SAMPLE, "tgt_lang": "hi"},
        "card": "Test fixture in the transformers.js layout of an M2M100 export, built by "
                "`models/recipes/m2m100_tiny.py`: many-to-many over " + ", ".join(LANGS) + ".",
    })


if __name__ == "__main__":
    main()
