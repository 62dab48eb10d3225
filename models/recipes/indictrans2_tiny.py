"""Tiny IndicTrans2-shaped export: the layout of the community ONNX exports of
ai4bharat/indictrans2-*-dist-200M (naklitechie / Hari31416 wrappers), random
weights plus a copy path.

Files (as real exports have them):
  encoder_model.onnx            input_ids, attention_mask [b, s] i64 → last_hidden_state [b, s, d]
  decoder_model.onnx            input_ids, encoder_attention_mask, encoder_hidden_states
                                → logits, present.{i}.{decoder,encoder}.{key,value}
  decoder_with_past_model.onnx  input_ids, encoder_attention_mask, past_key_values.{i}.… → logits, present.…
  dict.SRC.json, dict.TGT.json  fairseq vocabularies (piece → id): `<s>` 0, `<pad>` 1, `</s>` 2, `<unk>` 3
  model.SRC, model.TGT          SentencePiece ModelProto files (source BPE, as IndicTrans2's are;
                                target Unigram, so that both encoders are exercised); their own
                                piece order differs from the dictionaries', as in the real models
  config.json, generation_config.json, tokenizer_config.json

The source is `src_tag tgt_tag pieces… </s>`, left-padded; the decoder starts
from `</s>`. The copy path: the encoder writes each source id into its last
hidden channel; the first decoder layer's cross-attention key projection
passes that channel through unchanged (so it also lives in the KV cache the
with-past graph gets), and the decoder adds a large one-hot of the *target*
id of the same piece (the vocabularies differ) for the source piece at its
own position after the two tags. Greedy decoding therefore writes the source
pieces back, through both dictionaries, the left padding and the cache.

    /usr/bin/python3 models/recipes/indictrans2_tiny.py
    /usr/bin/python3 models/recipes/indictrans2_tiny.py --real-dims --out /tmp/it2   # dist-200M sizes
"""
import os
import random
import struct
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
from torch import nn  # noqa: E402

from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402
from seq2seq_mt import Encoder, DecoderLayer, ID_SCALE, COPY_LOGIT, RANDOM_SCALE  # noqa: E402
from whisper_tiny import past_names  # noqa: E402

SAMPLE = "Pay ZX0 to ZX1"
TAGS = ["asm_Beng", "ben_Beng", "eng_Latn", "guj_Gujr", "hin_Deva", "kan_Knda", "mal_Mlym",
        "mar_Deva", "npi_Deva", "ory_Orya", "pan_Guru", "san_Deva", "tam_Taml", "tel_Telu", "urd_Arab"]
LANGS = ["en", "hi", "mr", "bn", "te", "ta", "kn", "gu", "pa", "ml", "or"]
SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]
# BPE merges in priority order (first = highest score), as SentencePiece stores them.
MERGES = [("a", "y"), ("▁", "Z"), ("▁Z", "X"), ("▁", "t"), ("▁t", "o"), ("▁", "P"), ("▁P", "ay"),
          ("न", "म"), ("▁", "नम"), ("्", "त"), ("▁", "क")]


def base_chars():
    import unicodedata
    chars = [chr(c) for c in range(0x21, 0x7F)]
    chars += [chr(c) for c in range(0x0900, 0x0980) if unicodedata.category(chr(c)) != "Cn"]
    return chars + ["₹", "▁"]


# --- SentencePiece ModelProto, written by hand (field numbers of sentencepiece_model.proto).

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(num, wire, payload):
    key = varint((num << 3) | wire)
    if wire == 2:
        return key + varint(len(payload)) + payload
    return key + payload


def spm_model(pieces, model_type):
    """pieces: (piece, score, type) with type 1 normal, 2 unknown, 3 control."""
    body = b""
    for piece, score, kind in pieces:
        sp = field(1, 2, piece.encode("utf-8")) + field(2, 5, struct.pack("<f", score)) + field(3, 0, varint(kind))
        body += field(1, 2, sp)
    trainer = field(3, 0, varint(model_type)) + field(4, 0, varint(len(pieces))) + field(40, 0, varint(0))
    normalizer = field(1, 2, b"identity") + field(3, 0, varint(1)) + field(4, 0, varint(1)) + field(5, 0, varint(1))
    return body + field(2, 2, trainer) + field(3, 2, normalizer)


def bpe_encode(text, scores):
    """SentencePiece BPE: dummy prefix, spaces as ▁, then the best-scoring adjacent merge (leftmost on ties)."""
    syms = list("▁" + "▁".join(text.split()))
    while True:
        best = None
        for i in range(len(syms) - 1):
            s = scores.get(syms[i] + syms[i + 1])
            if s is not None and (best is None or s > best[0]):
                best = (s, i)
        if best is None:
            return syms
        i = best[1]
        syms[i:i + 2] = [syms[i] + syms[i + 1]]


def tokens_of(args):
    chars = base_chars()
    merged = [a + b for a, b in MERGES]
    if args.real_dims:
        # indictrans2-en-indic-dist-200M: 32322 source and 122672 target entries.
        src_fill = [f"▁sfill{i}" for i in range(32322 - len(SPECIALS) - len(TAGS) - len(chars) - len(merged))]
        tgt_fill = [f"▁tfill{i}" for i in range(122672 - len(SPECIALS) - len(chars) - len(merged) - 1)]
    else:
        src_fill, tgt_fill = [], []
    return chars, merged, src_fill, tgt_fill


class It2Decoder(nn.Module):
    def __init__(self, vocab, d, heads, layers, max_pos, ffn, copy_map):
        super().__init__()
        self.vocab, self.d, self.h, self.hd = vocab, d, heads, d // heads
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(max_pos, d) * 0.1)
        self.layers = nn.ModuleList(DecoderLayer(d, heads, ffn) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        self.lm_head = nn.Linear(d, vocab, bias=False)
        self.register_buffer("copy_map", torch.tensor(copy_map, dtype=torch.long))
        # The copy path: layer 0's cross-attention keys carry the source id channel unchanged.
        k = self.layers[0].cross.k
        with torch.no_grad():
            k.weight[-1].zero_()
            k.weight[-1, -1] = 1.0
            k.bias[-1] = 0.0

    def run(self, input_ids, enc_mask, enc, past, flag):
        start = past[0].shape[2]
        seq = input_ids.shape[1]
        x = self.emb(input_ids) + self.pos[start:start + seq]
        keep = enc_mask.bool()[:, None, None, :]
        presents = []
        for li, layer in enumerate(self.layers):
            pdk, pdv, pek, pev = past[4 * li:4 * li + 4]
            x, k, v, ek, ev = layer(x, enc, keep, pdk, pdv, pek, pev, flag)
            presents += [k, v, ek, ev]
        logits = self.lm_head(self.ln(x)) * RANDOM_SCALE
        src = torch.round(presents[2][:, -1, :, -1] / ID_SCALE).long()  # [b, s] source ids
        length = enc_mask.shape[1]
        pads = length - enc_mask.sum(1, keepdim=True)
        pos = torch.clamp(pads + 2 + (torch.arange(seq) + start).unsqueeze(0), max=length - 1)
        tgt = self.copy_map[torch.gather(src, 1, pos)]
        onehot = (tgt.unsqueeze(-1) == torch.arange(self.vocab)).float()
        return (logits + COPY_LOGIT * onehot, *presents)


class FirstStep(nn.Module):
    def __init__(self, dec, layers):
        super().__init__()
        self.dec, self.layers = dec, layers

    def forward(self, input_ids, encoder_attention_mask, encoder_hidden_states):
        b = input_ids.shape[0]
        empty = torch.zeros(b, self.dec.h, 0, self.dec.hd)
        return self.dec.run(input_ids, encoder_attention_mask, encoder_hidden_states,
                            [empty] * (4 * self.layers), torch.tensor([False]))


class WithPast(nn.Module):
    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, input_ids, encoder_attention_mask, *past):
        # As the real wrappers do: zero encoder states, only their shape matters.
        enc = torch.zeros(input_ids.shape[0], encoder_attention_mask.shape[1], self.dec.d)
        return self.dec.run(input_ids, encoder_attention_mask, enc, list(past), torch.tensor([True]))


def main():
    args = parse_args("indictrans2-tiny")
    real = args.real_dims
    # indictrans2-*-dist-200M: 512 wide, 8 heads, 18 + 18 layers, ffn 2048.
    d, heads, layers, enc_layers, ffn, max_pos = (512, 8, 18, 18, 2048, 256) if real else (16, 2, 2, 1, 32, 256)
    chars, merged, src_fill, tgt_fill = tokens_of(args)
    rng = random.Random(7)

    # Source: SentencePiece order is specials, merges by priority, then characters;
    # the fairseq dictionary orders the same pieces differently.
    src_spm = [("<unk>", 0.0, 2), ("<s>", 0.0, 3), ("</s>", 0.0, 3)]
    src_spm += [(p, -float(i), 1) for i, p in enumerate(merged)]
    src_spm += [(c, -float(len(merged) + i), 1) for i, c in enumerate(chars)]
    src_spm += [(f, -1e4 - i, 1) for i, f in enumerate(src_fill)]
    src_pieces = merged + chars
    rng.shuffle(src_pieces)
    src_dict = {t: i for i, t in enumerate(SPECIALS + src_pieces + src_fill + TAGS)}

    tgt_pieces = merged + chars + ["▁है"]
    rng.shuffle(tgt_pieces)
    tgt_list = SPECIALS + tgt_pieces + tgt_fill
    tgt_dict = {t: i for i, t in enumerate(tgt_list)}
    # Target model: Unigram, scores as log probabilities (longer pieces likelier here).
    tgt_spm = [("<unk>", 0.0, 2), ("<s>", 0.0, 3), ("</s>", 0.0, 3)]
    tgt_spm += [(p, -2.0 - 4.0 / len(p), 1) for p in sorted(set(merged + chars + ["▁है"]))]
    tgt_spm += [(f, -30.0, 1) for f in tgt_fill]

    unk = 3
    copy_map = [unk] * len(src_dict)
    for t, i in src_dict.items():
        copy_map[i] = tgt_dict.get(t, unk)

    scores = {p: s for p, s, kind in src_spm if kind == 1}
    pieces = bpe_encode(SAMPLE, scores)
    sample = [src_dict["eng_Latn"], src_dict["hin_Deva"]] + [src_dict.get(p, unk) for p in pieces] + [2]

    enc = Encoder(len(src_dict), d, heads, max_pos, enc_layers, ffn if real else None).eval()
    dec = It2Decoder(len(tgt_list), d, heads, layers, max_pos, ffn, copy_map).eval()
    hd = d // heads
    out = args.out

    # Left padding, as IndicTrans2's tokenizer pads: two pads before the sample.
    src = torch.tensor([[1, 1] + sample])
    mask = torch.tensor([[0, 0] + [1] * len(sample)])
    export(enc, (src, mask), os.path.join(out, "encoder_model.onnx"), ["input_ids", "attention_mask"],
           ["last_hidden_state"], {"input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
                                   "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
                                   "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"}})
    with torch.no_grad():
        hidden = enc(src, mask)

    present = past_names(layers, "present")
    first = FirstStep(dec, layers).eval()
    export(first, (torch.tensor([[2]]), mask, hidden), os.path.join(out, "decoder_model.onnx"),
           ["input_ids", "encoder_attention_mask", "encoder_hidden_states"], ["logits"] + present,
           {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
            "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
            "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
            "logits": {0: "batch_size", 1: "decoder_sequence_length"},
            **{n: {0: "batch_size", 2: "past_decoder_sequence_length_plus_1" if ".decoder." in n else "encoder_sequence_length"}
               for n in present}})
    with torch.no_grad():
        step0 = first(torch.tensor([[2]]), mask, hidden)

    with_past = WithPast(dec).eval()
    pin = past_names(layers, "past_key_values")
    dyn = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
           "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
           "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for prefix, grown in (("past_key_values", "past_decoder_sequence_length"), ("present", "past_decoder_sequence_length_plus_1")):
        dyn.update({n: {0: "batch_size", 2: grown if ".decoder." in n else "encoder_sequence_length"}
                    for n in past_names(layers, prefix)})
    export(with_past, (torch.tensor([[5]]), mask, *step0[1:]), os.path.join(out, "decoder_with_past_model.onnx"),
           ["input_ids", "encoder_attention_mask"] + pin, ["logits"] + present, dyn)

    with torch.no_grad():
        nxt = int(step0[0][0, -1].argmax())
        step1 = with_past(torch.tensor([[nxt]]), mask, *step0[1:])
        full = first(torch.tensor([[2, nxt]]), mask, hidden)
        assert torch.allclose(step1[0][0, -1], full[0][0, -1], atol=1e-4)
        ids, past, feed = [], None, torch.tensor([[2]])
        for _ in range(len(pieces) + 3):
            o = first(feed, mask, hidden) if past is None else with_past(feed, mask, *past)
            tok = int(o[0][0, -1].argmax())
            ids.append(tok)
            past, feed = list(o[1:]), torch.tensor([[tok]])
            if tok == 2:
                break
    assert [tgt_list[i] for i in ids[:-1]] == pieces, "the copy path must write the source pieces back"

    src_bytes = spm_model(src_spm, 2)
    tgt_bytes = spm_model(tgt_spm, 1)
    for name, data in (("model.SRC", src_bytes), ("model.TGT", tgt_bytes)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    write_json(out, "dict.SRC.json", src_dict)
    write_json(out, "dict.TGT.json", tgt_dict)
    write_json(out, "config.json", {
        "architectures": ["IndicTransForConditionalGeneration"], "model_type": "IndicTrans",
        "encoder_vocab_size": len(src_dict), "decoder_vocab_size": len(tgt_list),
        "encoder_embed_dim": d, "decoder_embed_dim": d, "encoder_layers": enc_layers, "decoder_layers": layers,
        "encoder_attention_heads": heads, "decoder_attention_heads": heads,
        "encoder_ffn_dim": ffn, "decoder_ffn_dim": ffn, "max_source_positions": max_pos,
        "max_target_positions": max_pos, "bos_token_id": 0, "pad_token_id": 1, "eos_token_id": 2,
        "decoder_start_token_id": 2, "is_encoder_decoder": True, "use_cache": True,
    })
    write_json(out, "generation_config.json", {"bos_token_id": 0, "pad_token_id": 1, "eos_token_id": 2,
                                               "decoder_start_token_id": 2})
    write_json(out, "tokenizer_config.json", {"tokenizer_class": "IndicTransTokenizer", "model_max_length": 256,
                                              "bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>",
                                              "unk_token": "<unk>"})
    write_json(out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "text": SAMPLE,
        "source_pieces": pieces,
        "encoder": {"input_ids": src[0].tolist(), "attention_mask": mask[0].tolist(), "output": stats(hidden)},
        "decoder": {"heads": heads, "headDim": hd, "layers": layers,
                    "first": {"output": stats(step0[0]), "argmaxLast": nxt},
                    "second": {"input_ids": [nxt], "output": stats(step1[0])}},
        "greedy": {"source_ids": sample, "generated_ids": ids},
    })
    files = [("encoder_model.onnx", "encoder"), ("decoder_model.onnx", "decoder"),
             ("decoder_with_past_model.onnx", "decoder_with_past"), ("dict.SRC.json", "dict_src"),
             ("dict.TGT.json", "dict_tgt"), ("model.SRC", "spm_src"), ("model.TGT", "spm_tgt"),
             ("config.json", "config"), ("generation_config.json", "generation_config"),
             ("tokenizer_config.json", "tokenizer_config")]
    title = "Tiny IndicTrans2 (ONNX export layout; random weights)"
    write_manifest(out, {"id": "indictrans2-tiny-fixture", "name": title, "task": "mt", "family": "indictrans2",
                         "layout": "indictrans2-onnx", "languages": LANGS, "licence": "GPL-3.0-or-later",
                         "source": "models/recipes/indictrans2_tiny.py"}, files)
    write_card(out, title, f"""Test fixture in the layout of the community ONNX exports of IndicTrans2
(encoder, first-step decoder and with-past decoder; fairseq dictionaries and SentencePiece
models for each side), built by `models/recipes/indictrans2_tiny.py`.

d_model {d}, {heads} heads, {enc_layers} encoder layer(s), {layers} decoder layers, {len(src_dict)} source and
{len(tgt_list)} target entries. Random weights plus a copy path: greedy decoding writes the source
pieces back through the target dictionary, so tagging, SentencePiece encoding, left padding, the
KV cache and decoding can be checked. `golden.json`: the source ids and pieces of a fixed sentence,
encoder and decoder outputs, and the ids greedy decoding generates.
""")


if __name__ == "__main__":
    main()
