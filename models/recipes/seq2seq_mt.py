"""Tiny text-to-text translation models in the transformers.js ONNX layout
(Marian, M2M100), shared by marian_tiny.py and m2m100_tiny.py.

Files: `onnx/encoder_model.onnx` (`input_ids`, `attention_mask` [b, s] i64 →
`last_hidden_state` [b, s, d]), `onnx/decoder_model_merged.onnx`
(`input_ids`, `encoder_attention_mask`, `encoder_hidden_states`,
`past_key_values.{i}.{decoder,encoder}.{key,value}`, `use_cache_branch` →
`logits`, `present.{i}.…`), `config.json`, `generation_config.json`,
`tokenizer.json` (SentencePiece Unigram over single characters: ASCII,
Devanagari, Telugu, Tamil, `₹`), `tokenizer_config.json`.

Weights are random, with one deliberate path: the encoder writes each input
token id into its last hidden channel (scaled by 1e-3) and the decoder adds a
large one-hot of the source token at its own position to its logits, so that
greedy decoding copies the source sentence. Tests can then check that text
and placeholders go through the real tokenisation, generation and decoding
and come back; the random part still runs through every attention layer and
the KV cache (the recipe checks one cached step against a full pass).
As in whisper_tiny.py, the merged decoder selects cross-attention keys with a
slice on use_cache_branch instead of an If node, with the same signature.
"""
import math
import os

import torch
from torch import nn

from fixture_common import export, stats, write_card, write_json, write_manifest
from whisper_tiny import past_names

ID_SCALE = 1e-3
COPY_LOGIT = 30.0
RANDOM_SCALE = 0.05


def char_pieces():
    """Every printable ASCII character, the assigned letters and signs of the
    Devanagari, Telugu and Tamil blocks, and ₹: one Unigram piece each."""
    import unicodedata
    chars = [chr(c) for c in range(0x21, 0x7F)]
    for start in (0x0900, 0x0C00, 0x0B80):
        chars += [chr(c) for c in range(start, start + 0x80) if unicodedata.category(chr(c)) != "Cn"]
    chars.append("₹")
    return chars


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.h, self.hd = heads, d // heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def split(self, x):  # [b, s, d] → [b, h, s, hd]
        return x.reshape(x.shape[0], x.shape[1], self.h, self.hd).transpose(1, 2)

    def attend(self, q, k, v, allowed):
        s = q @ k.transpose(2, 3) / math.sqrt(self.hd)
        s = s.masked_fill(~allowed, -1e9)
        a = torch.softmax(s, dim=-1) @ v
        return self.o(a.transpose(1, 2).reshape(q.shape[0], q.shape[2], self.h * self.hd))


class EncoderLayer(nn.Module):
    """A post-LN Marian encoder layer: self-attention, then the feed-forward block."""
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.att = Attention(d, heads)
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, ffn), nn.ReLU(), nn.Linear(ffn, d))

    def forward(self, x, keep):
        a = self.att
        x = self.ln1(x + a.attend(a.split(a.q(x)), a.split(a.k(x)), a.split(a.v(x)), keep))
        return self.ln2(x + self.ff(x))


class Encoder(nn.Module):
    def __init__(self, vocab, d, heads, max_pos, layers=1, ffn=None):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(max_pos, d) * 0.1)
        self.att = Attention(d, heads)
        self.ln = nn.LayerNorm(d)
        # The committed fixtures have the first attention block only; real dimensions
        # (--real-dims) add its feed-forward block and the other layers, created after
        # it so that the fixtures' random draws stay as they were.
        self.ff0 = nn.Sequential(nn.Linear(d, ffn), nn.ReLU(), nn.Linear(ffn, d)) if ffn else None
        self.ln0 = nn.LayerNorm(d) if ffn else None
        self.more = nn.ModuleList(EncoderLayer(d, heads, ffn) for _ in range(layers - 1)) if ffn else nn.ModuleList()

    def forward(self, input_ids, attention_mask):
        x = self.emb(input_ids) + self.pos[: input_ids.shape[1]]
        keep = attention_mask.bool()[:, None, None, :]
        a = self.att
        x = self.ln(x + a.attend(a.split(a.q(x)), a.split(a.k(x)), a.split(a.v(x)), keep))
        if self.ff0 is not None:
            x = self.ln0(x + self.ff0(x))
        for layer in self.more:
            x = layer(x, keep)
        ids = input_ids.float().unsqueeze(-1) * ID_SCALE
        return torch.cat([x[..., :-1], ids], dim=-1)


class DecoderLayer(nn.Module):
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.self_att, self.cross = Attention(d, heads), Attention(d, heads)
        self.ln1, self.ln2, self.ln3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, ffn), nn.ReLU(), nn.Linear(ffn, d))

    def forward(self, x, enc, enc_keep, pdk, pdv, pek, pev, flag):
        sa, ca = self.self_att, self.cross
        h = self.ln1(x)
        k = torch.cat([pdk, sa.split(sa.k(h))], dim=2)
        v = torch.cat([pdv, sa.split(sa.v(h))], dim=2)
        i = torch.arange(x.shape[1]).unsqueeze(1) + pdk.shape[2]
        j = torch.arange(k.shape[2]).unsqueeze(0)
        x = x + sa.attend(sa.split(sa.q(h)), k, v, j <= i)
        # Cross-attention keys: the cached ones when use_cache_branch, else from the encoder.
        n = enc.shape[1] * (1 - flag.long()[0])
        ek = torch.cat([pek, ca.split(ca.k(enc))[:, :, :n]], dim=2)
        ev = torch.cat([pev, ca.split(ca.v(enc))[:, :, :n]], dim=2)
        x = x + ca.attend(ca.split(ca.q(self.ln2(x))), ek, ev, enc_keep)
        x = x + self.ff(self.ln3(x))
        return x, k, v, ek, ev


class Decoder(nn.Module):
    def __init__(self, vocab, d, heads, layers, max_pos, ffn):
        super().__init__()
        self.vocab = vocab
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(max_pos, d) * 0.1)
        self.layers = nn.ModuleList(DecoderLayer(d, heads, ffn) for _ in range(layers))
        self.ln = nn.LayerNorm(d)

    def forward(self, input_ids, encoder_attention_mask, encoder_hidden_states, *rest):
        *past, flag = rest
        start = past[0].shape[2]
        seq = input_ids.shape[1]
        x = self.emb(input_ids) + self.pos[start:start + seq]
        enc_keep = encoder_attention_mask.bool()[:, None, None, :]
        presents = []
        for li, layer in enumerate(self.layers):
            pdk, pdv, pek, pev = past[4 * li:4 * li + 4]
            x, k, v, ek, ev = layer(x, encoder_hidden_states, enc_keep, pdk, pdv, pek, pev, flag)
            presents += [k, v, ek, ev]
        logits = (self.ln(x) @ self.emb.weight.t()) * RANDOM_SCALE
        # The copy path: the source token at this position (the last one, `</s>`, past the end).
        last = encoder_attention_mask.sum(1, keepdim=True) - 1
        pos = torch.minimum((torch.arange(seq) + start).unsqueeze(0), last)
        src = torch.gather(encoder_hidden_states[..., -1], 1, pos)
        src_ids = torch.round(src / ID_SCALE).long()
        onehot = (src_ids.unsqueeze(-1) == torch.arange(self.vocab)).float()
        return (logits + COPY_LOGIT * onehot, *presents)


def unigram_tokenizer(vocab, unk_id, added, post_single, special_map):
    """tokenizer.json of a SentencePiece Unigram model with Metaspace pre-tokenisation."""
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for t, i in added],
        "normalizer": None,
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        "post_processor": {"type": "TemplateProcessing", "single": post_single,
                           "pair": post_single + [{"Sequence": {"id": "B", "type_id": 0}}],
                           "special_tokens": special_map},
        "decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": unk_id, "byte_fallback": False,
                  "vocab": [[t, 0.0 if t.startswith("<") or t.startswith("__") else -3.0] for t in vocab]},
    }


def build(args, spec):
    """spec: name, id, title, model_type, architecture, vocab (list), specials (name → id),
    languages, decoder_start, eos, pad, bos, tokenizer (dict), tokenizer_config (dict),
    generation (extra generation_config keys), sample (list of token ids, source), card."""
    real = args.real_dims
    # opus-mt (Marian transformer-base): d_model 512, 8 heads, 6 + 6 layers, ffn 2048.
    d, heads, layers, max_pos = (512, 8, 6, 512) if real else (16, 2, 2, 512)
    enc_layers, ffn = (6, 2048) if real else (1, 2 * d)
    vocab = spec["vocab"]
    V = len(vocab)
    enc = Encoder(V, d, heads, max_pos, enc_layers, ffn if real else None).eval()
    dec = Decoder(V, d, heads, layers, max_pos, ffn).eval()
    hd = d // heads

    src = torch.tensor([spec["sample"]])
    mask = torch.ones_like(src)
    export(enc, (src, mask), os.path.join(args.out, "onnx", "encoder_model.onnx"), ["input_ids", "attention_mask"],
           ["last_hidden_state"], {"input_ids": {0: "batch_size", 1: "encoder_sequence_length"},
                                   "attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
                                   "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"}})
    with torch.no_grad():
        hidden = enc(src, mask)

    ex_past = []
    for _ in range(layers):
        ex_past += [torch.zeros(1, heads, 3, hd), torch.zeros(1, heads, 3, hd),
                    torch.zeros(1, heads, hidden.shape[1], hd), torch.zeros(1, heads, hidden.shape[1], hd)]
    in_names = ["input_ids", "encoder_attention_mask", "encoder_hidden_states"] + past_names(layers, "past_key_values") + ["use_cache_branch"]
    out_names = ["logits"] + past_names(layers, "present")
    dyn = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
           "encoder_attention_mask": {0: "batch_size", 1: "encoder_sequence_length"},
           "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
           "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    # Cache lengths: the decoder's grows each step, the encoder's is the source length.
    for prefix, grown in (("past_key_values", "past_decoder_sequence_length"), ("present", "total_decoder_sequence_length")):
        dyn.update({n: {0: "batch_size", 2: grown if ".decoder." in n else "encoder_sequence_length_out"}
                    for n in past_names(layers, prefix)})
    export(dec, (torch.tensor([[spec["decoder_start"]]]), mask, hidden, *ex_past, torch.tensor([True])),
           os.path.join(args.out, "onnx", "decoder_model_merged.onnx"), in_names, out_names, dyn)

    no_past = [torch.zeros(1, heads, 0, hd) for _ in range(4 * layers)]
    prompt = torch.tensor([[spec["decoder_start"]]])
    with torch.no_grad():
        first = dec(prompt, mask, hidden, *no_past, torch.tensor([False]))
        nxt = int(first[0][0, -1].argmax())
        second = dec(torch.tensor([[nxt]]), mask, hidden, *first[1:], torch.tensor([True]))
        full = dec(torch.cat([prompt, torch.tensor([[nxt]])], dim=1), mask, hidden, *no_past, torch.tensor([False]))
        assert torch.allclose(second[0][0, -1], full[0][0, -1], atol=1e-4)
        # Greedy decoding, as transformers.js runs it (forced first token where the family has one).
        ids, past, feed, flag = [], no_past, prompt, False
        for step in range(len(spec["sample"]) + 2):
            out = dec(feed, mask, hidden, *past, torch.tensor([flag]))
            tok = int(out[0][0, -1].argmax()) if step > 0 or spec.get("forced_bos") is None else spec["forced_bos"]
            ids.append(tok)
            past, flag, feed = list(out[1:]), True, torch.tensor([[tok]])
            if tok == spec["eos"]:
                break

    config = {
        "architectures": [spec["architecture"]], "model_type": spec["model_type"], "vocab_size": V,
        "d_model": d, "encoder_layers": enc_layers, "decoder_layers": layers, "encoder_attention_heads": heads,
        "decoder_attention_heads": heads, "encoder_ffn_dim": ffn, "decoder_ffn_dim": ffn,
        "max_position_embeddings": max_pos, "is_encoder_decoder": True, "use_cache": True,
        "bos_token_id": spec["bos"], "eos_token_id": spec["eos"], "pad_token_id": spec["pad"],
        "decoder_start_token_id": spec["decoder_start"], "scale_embedding": True,
    }
    write_json(args.out, "config.json", config)
    write_json(args.out, "generation_config.json", {
        "bos_token_id": spec["bos"], "eos_token_id": spec["eos"], "pad_token_id": spec["pad"],
        "decoder_start_token_id": spec["decoder_start"], "max_length": max_pos, **spec.get("generation", {}),
    })
    write_json(args.out, "tokenizer.json", spec["tokenizer"])
    write_json(args.out, "tokenizer_config.json", spec["tokenizer_config"])
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "encoder": {"input_ids": spec["sample"], "output": stats(hidden)},
        "decoder": {"heads": heads, "headDim": hd, "layers": layers,
                    "first": {"input_ids": prompt[0].tolist(), "output": stats(first[0]), "argmaxLast": nxt},
                    "second": {"input_ids": [nxt], "output": stats(second[0])}},
        "greedy": {"source_ids": spec["sample"], "generated_ids": ids},
        **spec.get("golden", {}),
    })
    files = [("onnx/encoder_model.onnx", "encoder"), ("onnx/decoder_model_merged.onnx", "decoder"),
             ("config.json", "config"), ("generation_config.json", "generation_config"),
             ("tokenizer.json", "tokenizer"), ("tokenizer_config.json", "tokenizer_config")]
    write_manifest(args.out, {
        "id": spec["id"], "name": spec["title"], "task": "mt", "family": spec["family"],
        "layout": "transformers.js", "languages": spec["languages"], "licence": "GPL-3.0-or-later",
        "source": spec["source"],
    }, files)
    write_card(args.out, spec["title"], spec["card"] + f"""

d_model {d}, {heads} heads, {enc_layers} encoder layer{"s" if enc_layers > 1 else ""}, {layers} decoder layers{f", ffn {ffn}" if real else ""}, a {V}-token vocabulary.
Random weights plus a copy path (see `models/recipes/seq2seq_mt.py`): greedy decoding
writes the source sentence back, so placeholders and text go through the real
tokenisation, generation and decoding and can be checked. `golden.json`: encoder output
for a fixed input, a first decoder pass and one cached step (checked in the recipe to
equal a full pass), and the ids greedy decoding generates for that input.
""")
