"""Tiny NeMo-style CTC model (Conformer/IndicConformer ONNX export layout).

Files: `model.onnx`, `vocab.txt` (one token a line; CTC blank is the extra
last class), `config.json` (sample_rate, n_mels, subsampling).
Signature: `audio_signal` [1, 80, frames] float32 + `length` [1] int64 →
`logprobs` [1, frames / 4, vocab + 1] float32 (log-softmax), 4× subsampling
by two stride-2 convolutions as NeMo's striding subsampler. With --real-dims
the subsampler feeds 17 Conformer-L sized blocks (d 512, 8 heads, FFN 2048,
conv kernel 31), so the encoder costs what a real one does.

    /usr/bin/python3 models/recipes/nemo_ctc_tiny.py

golden.json also holds `features`: the log-mel features NeMo's
AudioToMelSpectrogramPreprocessor (eval mode) computes for a fixed test
signal, rebuilt here from torch.stft and torchaudio's Slaney mel filters, and
the model's logprobs for them, so the TypeScript front end is checked
against PyTorch end to end.
"""
import math
import os
import sys

import torch
from torch import nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_common import export, parse_args, stats, write_card, write_json, write_manifest  # noqa: E402

MEL = {"sample_rate": 16000, "n_fft": 512, "win_length": 400, "hop": 160, "n_mels": 80,
       "preemph": 0.97}
FEATURE_SAMPLES = 8000


def test_signal(n):
    """Two tones and a rising chirp under a ramp envelope; TypeScript rebuilds it from this formula."""
    t = torch.arange(n, dtype=torch.float64) / 16000
    x = (0.4 * torch.sin(2 * math.pi * 440 * t) + 0.2 * torch.sin(2 * math.pi * 1234.5 * t)
         + 0.1 * torch.sin(2 * math.pi * (200 + 3000 * t) * t))
    return (x * (0.2 + 1.6 * t)).float()


def nemo_features(x):
    """NeMo's FilterbankFeatures in eval mode (no dither), for one signal [S] -> [1, n_mels, T]."""
    import torchaudio  # only the feature golden needs it

    x = torch.cat((x[:1], x[1:] - MEL["preemph"] * x[:-1]))
    window = torch.hann_window(MEL["win_length"], periodic=False)
    spec = torch.stft(x, n_fft=MEL["n_fft"], hop_length=MEL["hop"], win_length=MEL["win_length"],
                      window=window, center=True, pad_mode="constant", return_complex=True)
    power = torch.view_as_real(spec).pow(2).sum(-1)  # [bins, T]
    fb = torchaudio.functional.melscale_fbanks(MEL["n_fft"] // 2 + 1, 0.0, 8000.0, MEL["n_mels"],
                                               MEL["sample_rate"], norm="slaney",
                                               mel_scale="slaney")  # [bins, n_mels]
    mel = torch.log(fb.T @ power + 2 ** -24)
    mean = mel.mean(dim=1, keepdim=True)
    std = mel.std(dim=1, keepdim=True) + 1e-5  # unbiased, as NeMo
    return ((mel - mean) / std).unsqueeze(0)


TOKENS = ["<unk>", "▁"] + list("अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौं्")


class ConformerBlock(nn.Module):
    """Conformer-L sized block (macaron FFNs, self-attention, depthwise conv), for --real-dims only."""

    def __init__(self, d, heads=8, ff=2048, kernel=31):
        super().__init__()
        self.ff1 = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, ff), nn.SiLU(), nn.Linear(ff, d))
        self.norm_att = nn.LayerNorm(d)
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.att_out = nn.Linear(d, d)
        self.norm_conv = nn.LayerNorm(d)
        self.pw1 = nn.Conv1d(d, 2 * d, 1)
        self.dw = nn.Conv1d(d, d, kernel, padding=kernel // 2, groups=d)
        self.pw2 = nn.Conv1d(d, d, 1)
        self.ff2 = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, ff), nn.SiLU(), nn.Linear(ff, d))
        self.norm_out = nn.LayerNorm(d)

    def attend(self, a):
        # Written out: nn.MultiheadAttention's eval fast path does not export to ONNX.
        b, t, d = a.shape
        q, k, v = self.qkv(a).reshape(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        w = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // self.heads), dim=-1)
        return self.att_out((w @ v).transpose(1, 2).reshape(b, t, d))

    def forward(self, h):  # [B, T, d]
        h = h + 0.5 * self.ff1(h)
        h = h + self.attend(self.norm_att(h))
        c = self.norm_conv(h).transpose(1, 2)
        c = self.pw2(torch.nn.functional.silu(self.dw(torch.nn.functional.glu(self.pw1(c), dim=1))))
        h = h + c.transpose(1, 2)
        return self.norm_out(h + 0.5 * self.ff2(h))


class TinyNemo(nn.Module):
    def __init__(self, n_mels, channels, vocab, layers=0):
        super().__init__()
        self.sub1 = nn.Conv1d(n_mels, channels, 3, stride=2, padding=1)
        self.sub2 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        # Created only when asked, so the committed fixture's weights do not change.
        if layers:
            self.blocks = nn.Sequential(*[ConformerBlock(channels) for _ in range(layers)])
        self.out = nn.Linear(channels, vocab + 1)

    def forward(self, audio_signal, length):
        t = audio_signal.shape[2]
        mask = (torch.arange(t).unsqueeze(0) < length.unsqueeze(1)).float().unsqueeze(1)
        h = torch.relu(self.sub1(audio_signal * mask))
        h = torch.relu(self.sub2(h)).transpose(1, 2)
        if hasattr(self, "blocks"):
            h = self.blocks(h)
        return torch.log_softmax(self.out(h), dim=-1)


def main():
    args = parse_args("nemo-ctc-tiny")
    channels = 512 if args.real_dims else 8
    # --real-dims: a Conformer-L encoder (17 blocks of 512, as IndicConformer's large models).
    model = TinyNemo(80, channels, len(TOKENS), layers=17 if args.real_dims else 0)
    frames = 101
    x = torch.sin(torch.arange(80 * frames, dtype=torch.float32) * 0.01).reshape(1, 80, frames)
    length = torch.tensor([frames], dtype=torch.long)
    export(model, (x, length), os.path.join(args.out, "model.onnx"), ["audio_signal", "length"],
           ["logprobs"], {"audio_signal": {0: "B", 2: "T"}, "length": {0: "B"},
                          "logprobs": {0: "B", 1: "T_out"}})
    with torch.no_grad():
        out = model(x, length)
    assert out.shape[1] == math.ceil(math.ceil(frames / 2) / 2)
    with open(os.path.join(args.out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(TOKENS) + "\n")
    write_json(args.out, "config.json", {
        "model_type": "nemo-ctc", "sample_rate": 16000, "n_mels": 80, "window_size": 0.025,
        "window_stride": 0.01, "subsampling_factor": 4, "blank_id": len(TOKENS),
        "normalize": "per_feature",
    })
    feats = nemo_features(test_signal(FEATURE_SAMPLES))
    with torch.no_grad():
        feat_out = model(feats, torch.tensor([feats.shape[2]], dtype=torch.long))
    write_json(args.out, "golden.json", {
        "tolerance": {"abs": 1e-4},
        "cases": [{"feeds": {"audio_signal": {"formula": "sin(0.01 * i), i = 0..80*101-1, [1, 80, 101]"},
                             "length": [frames]}, "output": stats(out)}],
        "features": {
            "tolerance": {"abs": 1e-3},
            "input": {"samples": FEATURE_SAMPLES, "rate": 16000,
                      "formula": "(0.4 sin(2π·440t) + 0.2 sin(2π·1234.5t) + 0.1 sin(2π(200 + 3000t)t))"
                                 " · (0.2 + 1.6t), t = i / 16000"},
            "mel": MEL,
            "dims": list(feats.shape),
            "values": [round(float(v), 6) for v in feats.reshape(-1)],
            "logprobs": stats(feat_out),
        },
    })
    write_manifest(args.out, {
        "id": "nemo-ctc-tiny", "name": "Tiny NeMo-style CTC (Hindi; random weights)",
        "task": "asr", "family": "nemo-ctc", "layout": "nemo-onnx", "languages": ["hi"],
        "sampleRate": 16000, "licence": "GPL-3.0-or-later",
        "source": "models/recipes/nemo_ctc_tiny.py",
    }, [("model.onnx", "model"), ("vocab.txt", "vocab"), ("config.json", "config")])
    write_card(args.out, "nemo-ctc-tiny", """
Test fixture in the layout of a NeMo CTC (Conformer / IndicConformer) ONNX
export (`model.onnx` with `audio_signal` + `length` → `logprobs`, `vocab.txt`),
built by `models/recipes/nemo_ctc_tiny.py`; 4× subsampling, blank last.
""")


if __name__ == "__main__":
    main()
