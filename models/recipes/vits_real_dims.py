"""A VITS-shaped network at the real dimensions of Piper "medium" and MMS-TTS voices.

Only for benchmarks (`--real-dims`): what a runner's overhead is measured
against must cost what the real model costs, and in a VITS voice that is the
text encoder and, above all, the HiFi-GAN decoder. The shapes follow the
published configurations (Piper medium and facebook/mms-tts-*: hidden 192,
6 encoder layers with 2 heads and a 768-wide feed-forward of kernel 3,
a 4-layer residual-coupling flow of width 192, and a HiFi-GAN generator with
initial width 512, upsample rates 8-8-2-2 with kernels 16-16-4-4 and
multi-receptive-field residual blocks of kernels 3-7-11 and dilations
1-3-5). Durations are fixed (frames per id times length scale) instead of
predicted, and no noise is drawn, so the output is deterministic; weights are
random, so it is noise, not speech.
"""
import torch
from torch import nn

HIDDEN = 192
FILTER = 768
HEADS = 2
LAYERS = 6
UP_INITIAL = 512
UP_RATES = (8, 8, 2, 2)
UP_KERNELS = (16, 16, 4, 4)
RES_KERNELS = (3, 7, 11)
RES_DILATIONS = (1, 3, 5)
HOP = 256  # the product of UP_RATES


class EncoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        # Written out: nn.MultiheadAttention's inference fast path has no ONNX export in torch 1.13.
        self.qkv = nn.Linear(HIDDEN, 3 * HIDDEN)
        self.out = nn.Linear(HIDDEN, HIDDEN)
        self.norm1 = nn.LayerNorm(HIDDEN)
        self.ff1 = nn.Conv1d(HIDDEN, FILTER, 3, padding=1)
        self.ff2 = nn.Conv1d(FILTER, HIDDEN, 3, padding=1)
        self.norm2 = nn.LayerNorm(HIDDEN)

    def forward(self, x):  # [B, T, C]
        b, t, _ = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, HEADS, HIDDEN // HEADS).permute(2, 0, 3, 1, 4).unbind(0)
        w = torch.softmax(q @ k.transpose(-1, -2) / (HIDDEN // HEADS) ** 0.5, dim=-1)
        a = self.out((w @ v).transpose(1, 2).reshape(b, t, HIDDEN))
        x = self.norm1(x + a)
        f = self.ff2(torch.relu(self.ff1(x.transpose(1, 2)))).transpose(1, 2)
        return self.norm2(x + f)


class Coupling(nn.Module):
    """One residual coupling layer: half the channels shift by a WaveNet-like stack over the other half."""

    def __init__(self):
        super().__init__()
        half = HIDDEN // 2
        self.pre = nn.Conv1d(half, HIDDEN, 1)
        self.convs = nn.ModuleList(nn.Conv1d(HIDDEN, 2 * HIDDEN, 5, padding=2) for _ in range(4))
        self.post = nn.Conv1d(HIDDEN, half, 1)

    def forward(self, x):
        a, b = torch.chunk(x, 2, dim=1)
        h = self.pre(a)
        for conv in self.convs:
            t, s = torch.chunk(conv(h), 2, dim=1)
            h = h + torch.tanh(t) * torch.sigmoid(s)
        return torch.cat([a, b + self.post(h)], dim=1).flip(1)


class ResBlock(nn.Module):
    def __init__(self, channels, kernel):
        super().__init__()
        self.convs1 = nn.ModuleList(
            nn.Conv1d(channels, channels, kernel, dilation=d, padding=(kernel * d - d) // 2)
            for d in RES_DILATIONS
        )
        self.convs2 = nn.ModuleList(
            nn.Conv1d(channels, channels, kernel, padding=(kernel - 1) // 2) for _ in RES_DILATIONS
        )

    def forward(self, x):
        for c1, c2 in zip(self.convs1, self.convs2):
            x = x + c2(torch.nn.functional.leaky_relu(c1(torch.nn.functional.leaky_relu(x, 0.1)), 0.1))
        return x


class HifiGan(nn.Module):
    def __init__(self):
        super().__init__()
        self.pre = nn.Conv1d(HIDDEN, UP_INITIAL, 7, padding=3)
        self.ups = nn.ModuleList()
        self.blocks = nn.ModuleList()
        ch = UP_INITIAL
        for rate, kernel in zip(UP_RATES, UP_KERNELS):
            self.ups.append(nn.ConvTranspose1d(ch, ch // 2, kernel, stride=rate, padding=(kernel - rate) // 2))
            ch //= 2
            self.blocks.append(nn.ModuleList(ResBlock(ch, k) for k in RES_KERNELS))
        self.post = nn.Conv1d(ch, 1, 7, padding=3)

    def forward(self, z):  # [B, HIDDEN, frames] → [B, 1, frames * HOP]
        x = self.pre(z)
        for up, blocks in zip(self.ups, self.blocks):
            x = up(torch.nn.functional.leaky_relu(x, 0.1))
            x = sum(b(x) for b in blocks) / len(blocks)
        return torch.tanh(self.post(torch.nn.functional.leaky_relu(x)))


class RealDimsVits(nn.Module):
    """ids [B, T] (+ mask, speaker) → waveform [B, 1, frames * HOP], frames = floor(T * frames_per_id * length_scale)."""

    def __init__(self, n_symbols, n_speakers, frames_per_id):
        super().__init__()
        self.frames_per_id = frames_per_id
        self.emb = nn.Embedding(n_symbols, HIDDEN)
        self.spk = nn.Embedding(n_speakers, HIDDEN) if n_speakers > 1 else None
        self.encoder = nn.ModuleList(EncoderLayer() for _ in range(LAYERS))
        self.proj = nn.Conv1d(HIDDEN, HIDDEN, 1)
        self.flow = nn.ModuleList(Coupling() for _ in range(4))
        self.decoder = HifiGan()

    def forward(self, ids, mask, length_scale, sid=None):
        h = self.emb(ids) * mask.unsqueeze(2)
        for layer in self.encoder:
            h = layer(h) * mask.unsqueeze(2)
        h = self.proj(h.transpose(1, 2))  # [B, C, T]
        t = ids.shape[1]
        frames = torch.floor(t * self.frames_per_id * length_scale).long()
        idx = torch.div(torch.arange(frames) * t, frames, rounding_mode="floor")
        z = torch.index_select(h, 2, idx)
        if self.spk is not None:
            z = z + self.spk(sid).unsqueeze(2)
        for layer in self.flow:
            z = layer(z)
        return self.decoder(z)
