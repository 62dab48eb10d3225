"""The log-mel front end, built from convolutions so it exports to ONNX.

PyTorch 1.13 cannot export `torch.stft`, so the STFT is a strided Conv1d whose
kernels are the windowed DFT's cosine and sine rows, and the mel filterbank a
fixed matrix. The computation is NeMo's AudioToMelSpectrogramPreprocessor
(the one Charkha's NeMo runner reproduces in TypeScript): pre-emphasis 0.97,
centred frames with zero padding of n_fft/2, n_fft 512, a symmetric Hann
window of 400 samples centred in the 512-point frame, hop 160, power
spectrum, 80 Slaney mel bands from 0 to 8 kHz, log(x + 2^-24), and
per-feature normalisation over the utterance (mean, unbiased std + 1e-5).

`reference_features` computes the same with torch.stft; `check()` compares
the two (the recipe refuses to train when they differ).
"""
import math

import torch
import torch.nn as nn
import torchaudio

SAMPLE_RATE = 16000
N_FFT = 512
WIN = 400
HOP = 160
N_MELS = 80
PREEMPH = 0.97
LOG_GUARD = 2.0 ** -24
STD_EPS = 1e-5


def mel_matrix():
    # [n_freqs, n_mels] in torchaudio's layout; transposed where used.
    return torchaudio.functional.melscale_fbanks(
        n_freqs=N_FFT // 2 + 1, f_min=0.0, f_max=SAMPLE_RATE / 2, n_mels=N_MELS,
        sample_rate=SAMPLE_RATE, norm="slaney", mel_scale="slaney",
    )


def window_512():
    w = torch.hann_window(WIN, periodic=False, dtype=torch.float64)
    left = (N_FFT - WIN) // 2
    full = torch.zeros(N_FFT, dtype=torch.float64)
    full[left:left + WIN] = w
    return full


class LogMelFrontEnd(nn.Module):
    def __init__(self):
        super().__init__()
        n = torch.arange(N_FFT, dtype=torch.float64)
        k = torch.arange(N_FFT // 2 + 1, dtype=torch.float64)
        angle = 2 * math.pi * k[:, None] * n[None, :] / N_FFT
        w = window_512()[None, :]
        kernels = torch.cat([torch.cos(angle) * w, -torch.sin(angle) * w], dim=0)
        self.register_buffer("dft", kernels.float().unsqueeze(1))  # [514, 1, 512]
        self.register_buffer("mel", mel_matrix().t().contiguous().float())  # [80, 257]

    def forward(self, wave):
        """wave [B, S] float32 at 16 kHz → features [B, 80, S // 160 + 1]."""
        x = torch.cat([wave[:, :1], wave[:, 1:] - PREEMPH * wave[:, :-1]], dim=1)
        x = nn.functional.pad(x.unsqueeze(1), (N_FFT // 2, N_FFT // 2))
        spec = nn.functional.conv1d(x, self.dft, stride=HOP)  # [B, 514, T]
        half = N_FFT // 2 + 1
        power = spec[:, :half] ** 2 + spec[:, half:] ** 2
        logmel = torch.log(torch.matmul(self.mel, power) + LOG_GUARD)
        mean = logmel.mean(dim=2, keepdim=True)
        std = logmel.std(dim=2, unbiased=True, keepdim=True)
        return (logmel - mean) / (std + STD_EPS)


def reference_features(wave):
    """The same features through torch.stft (not exportable), for checking."""
    x = torch.cat([wave[:, :1], wave[:, 1:] - PREEMPH * wave[:, :-1]], dim=1).double()
    spec = torch.stft(
        x, n_fft=N_FFT, hop_length=HOP, win_length=WIN,
        window=torch.hann_window(WIN, periodic=False, dtype=torch.float64),
        center=True, pad_mode="constant", return_complex=True,
    )
    power = spec.abs() ** 2
    logmel = torch.log(torch.matmul(mel_matrix().t().double(), power) + LOG_GUARD)
    mean = logmel.mean(dim=2, keepdim=True)
    std = logmel.std(dim=2, unbiased=True, keepdim=True)
    return ((logmel - mean) / (std + STD_EPS)).float()


def check(seconds=3.0, tol=2e-3):
    """Max abs difference between the conv front end and torch.stft on noise and a chirp."""
    g = torch.Generator().manual_seed(3)
    t = torch.arange(int(SAMPLE_RATE * seconds)) / SAMPLE_RATE
    chirp = 0.5 * torch.sin(2 * math.pi * (200 + 900 * t) * t)
    noise = 0.1 * torch.randn(int(SAMPLE_RATE * seconds), generator=g)
    wave = torch.stack([chirp + noise, noise])
    fe = LogMelFrontEnd()
    with torch.no_grad():
        diff = (fe(wave) - reference_features(wave)).abs().max().item()
    if diff > tol:
        raise SystemExit(f"front end differs from torch.stft reference by {diff:.2e} (tolerance {tol:.0e})")
    return diff


if __name__ == "__main__":
    print(f"conv front end vs torch.stft: max abs diff {check():.2e}")
