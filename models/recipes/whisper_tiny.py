"""Tiny Whisper in the transformers.js ONNX layout.

Files: `onnx/encoder_model.onnx` (`input_features` [1, 80, 3000] →
`last_hidden_state` [1, 1500, d]), `onnx/decoder_model_merged.onnx`
(`input_ids`, `encoder_hidden_states`, `past_key_values.{i}.{decoder,encoder}.{key,value}`,
`use_cache_branch` → `logits`, `present.{i}.…`), `config.json`,
`generation_config.json`, `preprocessor_config.json`, `tokenizer.json`
(byte-level BPE: 256 byte tokens, no merges, Whisper's special tokens and
1501 timestamp tokens after them), `tokenizer_config.json`.

The vocabulary is small (special token ids start at 256, not 50257) so the
fixture stays under 2 MB; runners must read token ids from the config files,
as they must for real models anyway. Real merged decoders choose the
cross-attention keys with an If node on use_cache_branch; this one selects
them with a slice of the same meaning (`past` when the flag is set, computed
from encoder_hidden_states otherwise), which exports without an If and keeps
the signature identical.

    /usr/bin/python3 models/recipes/whisper_tiny.py
    /usr/bin/python3 models/recipes/whisper_tiny.py --kannada-bias   # whisper-tiny-kannada-bias
    /usr/bin/python3 models/recipes/whisper_tiny.py --real-dims --out /tmp/whisper   # whisper-tiny sizes
"""
import math
import os
import sys
import unicodedata

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402

LANGS = ["en", "hi", "te", "ta", "bn", "mr", "kn", "ml", "gu", "pa", "ur", "ne"]
TIMESTAMPS = 1501


def bytes_to_unicode():
    """GPT-2's byte → printable character map, as byte-level BPE uses it."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {b: chr(c) for b, c in zip(bs, cs)}


def special_tokens(first):
    """Whisper's special tokens from id `first`, then its 1501 timestamps <|0.00|> … <|30.00|>."""
    toks = ["<|endoftext|>", "<|startoftranscript|>"] + [f"<|{l}|>" for l in LANGS]
    toks += ["<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nocaptions|>", "<|notimestamps|>"]
    specials = {t: first + i for i, t in enumerate(toks)}
    stamps = {f"<|{i * 0.02:.2f}|>": first + len(toks) + i for i in range(TIMESTAMPS)}
    return specials, stamps


def letters(block_start):
    """The independent vowels and consonants of a Brahmic block (offsets 0x05–0x39 that are assigned)."""
    return [chr(block_start + o) for o in range(0x05, 0x3A) if unicodedata.category(chr(block_start + o)) == "Lo"]


def text_tokens(b2u, target, kannada_bias):
    """Text vocabulary: the 256 byte tokens, then (bias fixture) whole Telugu and
    Kannada letters and the two-byte lead pieces of both blocks, then (real
    dimensions) filler multi-byte tokens up to `target` ids, as real byte-level
    BPE vocabularies have: ASCII words with and without a leading space, every
    Brahmic-block code point and CJK ideographs. Merges are not needed: the
    runner only decodes ids."""
    toks = [b2u[b] for b in range(256)]
    seen = set(toks)

    def add(raw):
        t = "".join(b2u[b] for b in raw)
        if t not in seen:
            seen.add(t)
            toks.append(t)

    if kannada_bias:
        for ch in letters(0x0C00) + letters(0x0C80):
            add(ch.encode())
        for lead in (b"\xe0\xb0", b"\xe0\xb1", b"\xe0\xb2", b"\xe0\xb3"):
            add(lead)
    if target > len(toks):
        import itertools
        import string
        words = ("".join(p) for n in (2, 3) for p in itertools.product(string.ascii_lowercase, repeat=n))
        pieces = itertools.chain(
            (bytes([0x20]) + w.encode() for w in words),
            (chr(c).encode() for c in range(0x0900, 0x0D80)),
            (chr(c).encode() for c in range(0x4E00, 0xA000)),
        )
        for raw in pieces:
            if len(toks) >= target:
                break
            add(raw)
    return toks


class Encoder(nn.Module):
    def __init__(self, mels, d, frames):
        super().__init__()
        self.conv1 = nn.Conv1d(mels, d, 3, padding=1)
        self.conv2 = nn.Conv1d(d, d, 3, stride=2, padding=1)
        self.pos = nn.Parameter(torch.randn(frames // 2, d) * 0.1)
        self.ln = nn.LayerNorm(d)

    def forward(self, input_features):
        h = torch.nn.functional.gelu(self.conv1(input_features))
        h = torch.nn.functional.gelu(self.conv2(h)).transpose(1, 2)
        return self.ln(h + self.pos)


class Layer(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.h = heads
        self.hd = d // heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.cq, self.ck, self.cv, self.co = (nn.Linear(d, d) for _ in range(4))
        self.ln1, self.ln2, self.ln3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def split(self, x):  # [b, s, d] → [b, h, s, hd]
        return x.reshape(x.shape[0], x.shape[1], self.h, self.hd).transpose(1, 2)

    def attend(self, q, k, v, mask=None):
        s = q @ k.transpose(2, 3) / math.sqrt(self.hd)
        if mask is not None:
            s = s.masked_fill(~mask, -1e9)
        a = torch.softmax(s, dim=-1) @ v
        return a.transpose(1, 2).reshape(q.shape[0], q.shape[2], self.h * self.hd)

    def forward(self, x, enc, pdk, pdv, pek, pev, flag):
        past = pdk.shape[2]
        h = self.ln1(x)
        k = torch.cat([pdk, self.split(self.k(h))], dim=2)
        v = torch.cat([pdv, self.split(self.v(h))], dim=2)
        seq = x.shape[1]
        i = torch.arange(seq).unsqueeze(1) + past
        j = torch.arange(k.shape[2]).unsqueeze(0)
        x = x + self.o(self.attend(self.split(self.q(h)), k, v, j <= i))
        # Cross-attention keys: the cached ones when use_cache_branch, else from the encoder.
        n = enc.shape[1] * (1 - flag.long()[0])
        ek = torch.cat([pek, self.split(self.ck(enc))[:, :, :n]], dim=2)
        ev = torch.cat([pev, self.split(self.cv(enc))[:, :, :n]], dim=2)
        x = x + self.co(self.attend(self.split(self.cq(self.ln2(x))), ek, ev))
        x = x + self.ff(self.ln3(x))
        return x, k, v, ek, ev


class Decoder(nn.Module):
    def __init__(self, vocab, d, heads, layers, max_pos):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(max_pos, d) * 0.1)
        self.layers = nn.ModuleList(Layer(d, heads) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        # Zero except in the Kannada-bias fixture, where it tilts greedy decoding.
        self.register_buffer("logit_bias", torch.zeros(vocab))

    def forward(self, input_ids, encoder_hidden_states, *rest):
        *past, flag = rest
        start = past[0].shape[2]
        x = self.emb(input_ids) + self.pos[start:start + input_ids.shape[1]]
        presents = []
        for li, layer in enumerate(self.layers):
            pdk, pdv, pek, pev = past[4 * li:4 * li + 4]
            x, k, v, ek, ev = layer(x, encoder_hidden_states, pdk, pdv, pek, pev, flag)
            presents += [k, v, ek, ev]
        logits = self.ln(x) @ self.emb.weight.t() + self.logit_bias
        return (logits, *presents)


def past_names(layers, prefix):
    return [f"{prefix}.{i}.{kind}.{kv}" for i in range(layers) for kind in ("decoder", "encoder") for kv in ("key", "value")]


def slaney_mel_filters(n_freqs, n_mels, sr, fmax):
    """Slaney-scale, Slaney-normalised mel filters [n_mels, n_freqs], as Whisper's preprocessor ships them."""
    import numpy as np

    def hz_to_mel(f):
        f = np.asarray(f, dtype=np.float64)
        logstep = 27.0 / np.log(6.4)
        return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) * logstep, 3.0 * f / 200.0)

    def mel_to_hz(m):
        logstep = np.log(6.4) / 27.0
        return np.where(m >= 15.0, 1000.0 * np.exp(logstep * (m - 15.0)), 200.0 * m / 3.0)

    fft_freqs = np.linspace(0, sr // 2, n_freqs)
    filter_freqs = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(fmax), n_mels + 2))
    diff = np.diff(filter_freqs)
    slopes = filter_freqs[None, :] - fft_freqs[:, None]
    fb = np.maximum(0.0, np.minimum(-slopes[:, :-2] / diff[:-1], slopes[:, 2:] / diff[1:]))
    fb *= 2.0 / (filter_freqs[2:n_mels + 2] - filter_freqs[:n_mels])
    return fb.T.astype(np.float32)


def log_mel(audio, filters, n_fft=400, hop=160, frames=3000, n_samples=480000):
    """Whisper's log-mel features of `audio` padded to 30 s, as the runner's feature extractor computes them."""
    import numpy as np
    x = np.zeros(n_samples, dtype=np.float64)
    x[:len(audio)] = audio[:n_samples]
    x = np.pad(x, n_fft // 2, mode="reflect")
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    idx = np.arange(n_fft)[None, :] + hop * np.arange(frames)[:, None]
    power = np.abs(np.fft.rfft(x[idx] * window, axis=1)) ** 2
    mel = np.maximum(filters.astype(np.float64) @ power.T, 1e-10)
    lg = np.log10(mel)
    lg = np.maximum(lg, lg.max() - 8.0)
    return torch.tensor(((lg + 4.0) / 4.0)[None].astype(np.float32))


def golden_audio(n=64000, sr=16000):
    """The golden transcription's input; tests/unit/asr builds the same samples."""
    import numpy as np
    t = np.arange(n, dtype=np.float64)
    return 0.3 * np.sin(2 * np.pi * 440 * t / sr) + 0.2 * np.sin(2 * np.pi * 1234 * t / sr) * (t / n)


def greedy_with_timestamps(dec, hidden, init, heads, hd, layers, eot, nots, begin_suppress, max_new):
    """Greedy decoding with Whisper's timestamp rules (pairs, forced first
    timestamp, timestamps when their total probability beats every text
    token) and begin-suppressed tokens, the order transformers.js applies."""
    ts_begin = nots + 1
    ids = list(init)
    past = [torch.zeros(1, heads, 0, hd) for _ in range(4 * layers)]
    feed = torch.tensor([ids])
    flag = False
    with torch.no_grad():
        for _ in range(max_new):
            out = dec(feed, hidden, *past, torch.tensor([flag]))
            logits = out[0][0, -1].double().clone()
            past, flag = list(out[1:]), True
            logits[nots] = -math.inf
            seq = ids[len(init):]
            if not seq:
                logits[:ts_begin] = -math.inf
            else:
                last_ts = seq[-1] >= ts_begin
                pen_ts = len(seq) < 2 or seq[-2] >= ts_begin
                if last_ts:
                    if pen_ts:
                        logits[ts_begin:] = -math.inf
                    else:
                        logits[:eot] = -math.inf
                lp = torch.log_softmax(logits, dim=0)
                if torch.logsumexp(lp[ts_begin:], dim=0) > lp[:ts_begin].max():
                    logits[:ts_begin] = -math.inf
            if not seq:
                for t in begin_suppress:
                    logits[t] = -math.inf
            nxt = int(logits.argmax())
            ids.append(nxt)
            if nxt == eot:
                break
            feed = torch.tensor([[nxt]])
    return ids[len(init):]


def main():
    bias = "--kannada-bias" in sys.argv
    if bias:
        sys.argv.remove("--kannada-bias")
    args = parse_args("whisper-tiny-kannada-bias" if bias else "whisper-tiny")
    real = args.real_dims
    d, heads, layers, mels = (384, 6, 4, 80) if real else (8, 2, 2, 80)
    frames = 3000
    b2u = bytes_to_unicode()
    # Real Whisper: 50257 text tokens, 107 specials, 1501 timestamps = 51865.
    texts = text_tokens(b2u, 51865 - len(LANGS) - 8 - TIMESTAMPS if real else 0, bias)
    specials, stamps = special_tokens(len(texts))
    vocab_size = len(texts) + len(specials) + len(stamps)
    enc = Encoder(mels, d, frames).eval()
    dec = Decoder(vocab_size, d, heads, layers, 448).eval()
    hd = d // heads
    u2b = {c: b for b, c in b2u.items()}
    kannada = [i for i, t in enumerate(texts) if len(t) == 3 and bytes(u2b[c] for c in t).decode() in letters(0x0C80)]
    telugu = [i for i, t in enumerate(texts) if len(t) == 3 and bytes(u2b[c] for c in t).decode() in letters(0x0C00)]
    if bias:
        # Far above anything the random weights give (logits ~ N(0, d)):
        # greedy writes Kannada letters, or Telugu ones once Kannada is masked.
        dec.logit_bias[kannada] = 30.0
        dec.logit_bias[telugu] = 20.0

    feats = torch.sin(torch.arange(mels * frames, dtype=torch.float32) * 0.001).reshape(1, mels, frames)
    export(enc, (feats,), os.path.join(args.out, "onnx", "encoder_model.onnx"), ["input_features"],
           ["last_hidden_state"], {"input_features": {0: "batch_size"}, "last_hidden_state": {0: "batch_size"}})
    with torch.no_grad():
        hidden = enc(feats)

    sot, hi, transcribe, nots = (specials["<|startoftranscript|>"], specials["<|hi|>"],
                                 specials["<|transcribe|>"], specials["<|notimestamps|>"])
    prompt = torch.tensor([[sot, hi, transcribe, nots]])
    empty = lambda: torch.zeros(1, heads, 0, hd)  # noqa: E731
    no_past = [empty() for _ in range(4 * layers)]
    # Export with a cache present so every input is traced as used.
    ex_past = []
    for i in range(layers):
        ex_past += [torch.zeros(1, heads, 4, hd), torch.zeros(1, heads, 4, hd),
                    torch.zeros(1, heads, hidden.shape[1], hd), torch.zeros(1, heads, hidden.shape[1], hd)]
    in_names = ["input_ids", "encoder_hidden_states"] + past_names(layers, "past_key_values") + ["use_cache_branch"]
    out_names = ["logits"] + past_names(layers, "present")
    dyn = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"},
           "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
           "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for n in past_names(layers, "past_key_values"):
        dyn[n] = {0: "batch_size", 2: "past_decoder_sequence_length" if ".decoder." in n else "encoder_sequence_length_out"}
    for n in past_names(layers, "present"):
        dyn[n] = {0: "batch_size", 2: "total_decoder_sequence_length" if ".decoder." in n else "encoder_sequence_length_out"}
    export(dec, (torch.tensor([[100]]), hidden, *ex_past, torch.tensor([True])),
           os.path.join(args.out, "onnx", "decoder_model_merged.onnx"), in_names, out_names, dyn)

    with torch.no_grad():
        first = dec(prompt, hidden, *no_past, torch.tensor([False]))
        nxt = int(first[0][0, -1].argmax())
        second = dec(torch.tensor([[nxt]]), hidden, *first[1:], torch.tensor([True]))
        full = dec(torch.cat([prompt, torch.tensor([[nxt]])], dim=1), hidden, *no_past, torch.tensor([False]))
    # The cache must mean what it says: one step with it equals a full pass without.
    assert torch.allclose(second[0][0, -1], full[0][0, -1], atol=1e-5)

    eot = specials["<|endoftext|>"]
    filters = slaney_mel_filters(201, mels, 16000, 8000.0)
    transcript = None
    if not real and not bias:
        with torch.no_grad():
            audio_hidden = enc(log_mel(golden_audio(), filters))
        init = [sot, specials["<|hi|>"], transcribe]
        tokens = greedy_with_timestamps(dec, audio_hidden, init, heads, hd, layers, eot, nots, [220, eot],
                                        448 - len(init))
        transcript = {
            "audio": "0.3 sin(2π 440 n/16000) + 0.2 sin(2π 1234 n/16000) n/64000, n = 0..63999, 16 kHz",
            "language": "hi", "tokens": tokens,
            "bytes": [list(bytes(u2b[c] for c in texts[t])) if t < len(texts) else None for t in tokens],
        }

    write_json(args.out, "tokenizer.json", {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for t, i in specials.items()]
        + [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": False} for t, i in stamps.items()],
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                  "vocab": {t: i for i, t in enumerate(texts)}, "merges": []},
    })
    write_json(args.out, "tokenizer_config.json", {
        "tokenizer_class": "WhisperTokenizer", "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>",
        "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>", "model_max_length": 1024,
        "add_prefix_space": False, "errors": "replace",
    })
    write_json(args.out, "config.json", {
        "architectures": ["WhisperForConditionalGeneration"], "model_type": "whisper", "vocab_size": vocab_size,
        "is_encoder_decoder": True, "use_cache": True,
        "num_mel_bins": mels, "d_model": d, "encoder_layers": 1, "decoder_layers": layers,
        "encoder_attention_heads": heads, "decoder_attention_heads": heads, "max_source_positions": frames // 2,
        "max_target_positions": 448, "bos_token_id": eot, "eos_token_id": eot, "pad_token_id": eot,
        "decoder_start_token_id": sot, "begin_suppress_tokens": [220, eot], "suppress_tokens": [],
    })
    write_json(args.out, "generation_config.json", {
        "decoder_start_token_id": sot, "bos_token_id": eot, "eos_token_id": eot, "pad_token_id": eot,
        "no_timestamps_token_id": nots, "max_length": 448, "is_multilingual": True,
        "max_initial_timestamp_index": 50,
        "lang_to_id": {f"<|{l}|>": specials[f"<|{l}|>"] for l in LANGS},
        "task_to_id": {"transcribe": transcribe, "translate": specials["<|translate|>"]},
        "begin_suppress_tokens": [220, eot], "suppress_tokens": [],
        "forced_decoder_ids": [[1, None], [2, transcribe]],
    })
    write_json(args.out, "preprocessor_config.json", {
        "feature_extractor_type": "WhisperFeatureExtractor", "feature_size": mels, "sampling_rate": 16000,
        "hop_length": 160, "chunk_length": 30, "n_fft": 400, "n_samples": 480000, "nb_max_frames": frames,
        "padding_side": "right", "padding_value": 0.0, "processor_class": "WhisperProcessor",
        "return_attention_mask": False, "mel_filters": [[float(v) for v in row] for row in filters],
    })
    golden = {
        "tolerance": {"abs": 1e-4},
        "encoder": {"input_features": "sin(0.001 * i), i = 0..80*3000-1, [1, 80, 3000]",
                    "output": stats(hidden)},
        "decoder": {
            "heads": heads, "headDim": hd, "layers": layers,
            "first": {"input_ids": prompt[0].tolist(), "use_cache_branch": False, "output": stats(first[0]),
                      "argmaxLast": nxt},
            "second": {"input_ids": [nxt], "use_cache_branch": True, "output": stats(second[0]),
                       "presentDecoderLength": 5},
        },
    }
    if transcript is not None:
        golden["transcript"] = transcript
    write_json(args.out, "golden.json", golden)
    files = [("onnx/encoder_model.onnx", "encoder"), ("onnx/decoder_model_merged.onnx", "decoder"),
             ("config.json", "config"), ("generation_config.json", "generation_config"),
             ("preprocessor_config.json", "preprocessor"), ("tokenizer.json", "tokenizer"),
             ("tokenizer_config.json", "tokenizer_config")]
    name = "Tiny Whisper (transformers.js layout; random weights" + ("; biased to Kannada letters)" if bias else ")")
    write_manifest(args.out, {
        "id": "whisper-tiny-kannada-bias-fixture" if bias else "whisper-tiny-fixture", "name": name,
        "task": "asr", "family": "whisper", "layout": "transformers.js",
        "languages": ["multi", "te", "kn"] if bias else ["multi", "hi"],
        "sampleRate": 16000, "licence": "GPL-3.0-or-later", "source": "models/recipes/whisper_tiny.py",
    }, files)
    bias_note = """
Built with `--kannada-bias`: the vocabulary adds whole Telugu and Kannada letters (3-byte
tokens) and the two-byte lead pieces E0 B0/B1/B2/B3, and the logits carry a fixed bias
(+30 on Kannada letters, +20 on Telugu letters), so greedy decoding writes Kannada whatever
the language token says, and Telugu once Kannada is masked: the fixture of script-constrained
decoding.
""" if bias else ""
    write_card(args.out, "whisper-tiny (fixture)" + (" biased to Kannada" if bias else ""), f"""
Test fixture in the transformers.js layout of a Whisper export (`onnx/encoder_model.onnx`,
`onnx/decoder_model_merged.onnx` with `past_key_values.*` and `use_cache_branch`, and the
config and tokenizer files), built by `models/recipes/whisper_tiny.py`. d_model 8, 2 heads,
2 decoder layers, a {vocab_size}-token vocabulary: {len(texts)} text tokens, then Whisper's special
tokens, then the 1501 timestamp tokens (read the ids from `generation_config.json`).
`golden.json`: encoder output for a fixed input, a first decoder pass without cache on the
Hindi transcribe prompt, one cached step (which the recipe checked equals a full pass without
cache) and, for the plain fixture, the tokens that greedy decoding with Whisper's timestamp
rules writes for a fixed 4-s signal (features computed as transformers.js does, with the mel
filters shipped in `preprocessor_config.json`).
{bias_note}""")


if __name__ == "__main__":
    main()
