"""Train a bundled default CTC model on audio made by prepare.py, and export it.

    /usr/bin/python3 models/recipes/default_ctc/train.py --lang hi --minutes 60

The model: the log-mel front end of frontend.py (fixed weights, inside the
ONNX graph, so the input is a 16 kHz waveform exactly like a wav2vec2
export), a strided convolution (30 ms frames), then conformer-lite blocks
(self-attention, a depthwise convolution, a feed-forward layer; pre-norm,
residual) and a linear CTC head over the characters of the training text.
Output layout: `onnx/model.onnx` (`input_values` [1, S] → `logits`
[1, frames, vocab]), `vocab.json` (`<pad>` is the CTC blank, `|` the word
delimiter), the Hugging Face configs, and `manifest.json`.

Training is resumable: a checkpoint is written every `--checkpoint-every`
steps and at the end of each epoch into the work folder; running the same
command again continues from it (the time budget counts the new run only).
Features are computed once with the front end and cached, since its weights
never change.

With a `train-extra/`, `train-more/` or `train-junction/` folder
(prepare.py --extra-latin-numbers, --more-rows, --junction-rows) their rows
join the training rows; the dev set and the vocabulary stay the base
split's, so a checkpoint trained without them continues with them. Each
stretch of training on one data set is a phase in training.json (steps,
minutes, extra rows), which the model card turns into the commands that
reproduce it.
"""
import argparse
import json
import math
import os
import random
import sys
import time
import unicodedata

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from frontend import LogMelFrontEnd, check as check_frontend  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "|"]
SUBSAMPLE = 3


def target_text(spoken):
    """What the model learns to write: the spoken form without punctuation, NFC, single spaces."""
    out = []
    for ch in unicodedata.normalize("NFC", spoken):
        cat = unicodedata.category(ch)
        if cat[0] in "PS" or ch in "\u200c\u200d":
            out.append(" ")
        elif cat[0] == "Z" or ch in "\t\n":
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def read_manifest(folder):
    path = os.path.join(folder, "manifest.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    # prepare.py stopped early: use the groups it finished.
    rows = []
    for name in sorted(os.listdir(folder)):
        group = os.path.join(folder, name, "manifest.jsonl")
        src = os.path.join(folder, name + ".jsonl")
        if not (os.path.isdir(os.path.join(folder, name)) and os.path.exists(group) and os.path.exists(src)):
            continue
        with open(src, encoding="utf-8") as f:
            spoken = {r["id"]: r["spoken"] for r in map(json.loads, filter(str.strip, f))}
        with open(group, encoding="utf-8") as f:
            for m in map(json.loads, filter(str.strip, f)):
                rows.append({"id": m["id"], "audio": os.path.join(name, m["file"]), "spoken": spoken[m["id"]]})
    print(f"{folder}: no manifest.jsonl; using {len(rows)} rows from finished groups", flush=True)
    return rows


def read_wav16(path):
    import wave
    with wave.open(path, "rb") as w:
        if w.getframerate() != 16000 or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise SystemExit(f"{path}: expected 16 kHz mono 16-bit PCM")
        data = w.readframes(w.getnframes())
    return torch.frombuffer(bytearray(data), dtype=torch.int16).float() / 32768.0


def audio_stamp(folder, r):
    st = os.stat(os.path.join(folder, r["audio"]))
    return [r["audio"], st.st_size, st.st_mtime_ns]


def cache_features(folder, rows, cache_path):
    """Log-mel features of the rows' audio, cached beside the folder.

    Each entry remembers its audio file's path, size and time, so a row that
    prepare.py spoke again (or a folder it made again under the same ids)
    is computed again rather than read stale; rows the cache lacks are added.
    """
    feats, stamps, legacy = {}, {}, False
    if os.path.exists(cache_path):
        saved = torch.load(cache_path)
        if "feats" in saved and "stamps" in saved:
            feats, stamps = saved["feats"], saved["stamps"]
        else:
            # A cache from before the stamps: it was made in one pass over this folder's files.
            feats, legacy = saved, True
            stamps = {r["id"]: audio_stamp(folder, r) for r in rows if r["id"] in feats}
    todo = [r for r in rows if stamps.get(r["id"]) != audio_stamp(folder, r)]
    if not todo and not legacy:
        return feats
    fe = LogMelFrontEnd().eval()
    t0 = time.time()
    with torch.no_grad():
        for i, r in enumerate(todo):
            wave = read_wav16(os.path.join(folder, r["audio"]))
            feats[r["id"]] = fe(wave[None, :])[0].to(torch.float16)
            stamps[r["id"]] = audio_stamp(folder, r)
            if (i + 1) % 500 == 0:
                print(f"  features {i + 1}/{len(todo)} ({time.time() - t0:.0f} s)", flush=True)
    tmp = cache_path + ".tmp"
    torch.save({"feats": feats, "stamps": stamps}, tmp)
    os.replace(tmp, cache_path)
    return feats


class ConformerLite(nn.Module):
    def __init__(self, d, heads, ff, kernel, dropout):
        super().__init__()
        self.heads = heads
        self.ln_att = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln_conv = nn.LayerNorm(d)
        self.dw = nn.Conv1d(d, d, kernel, padding=kernel // 2, groups=d)
        self.pw = nn.Linear(d, d)
        self.ln_ff = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ff)
        self.ff2 = nn.Linear(ff, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        # x [B, T, d]; mask [B, 1, 1, T] additive (0 or -inf-like) or None
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln_att(x)).chunk(3, dim=-1)
        q = q.reshape(b, t, h, d // h).transpose(1, 2)
        k = k.reshape(b, t, h, d // h).transpose(1, 2)
        v = v.reshape(b, t, h, d // h).transpose(1, 2)
        att = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(d // h)
        if mask is not None:
            att = att + mask
        a = torch.matmul(att.softmax(dim=-1), v).transpose(1, 2).reshape(b, t, d)
        x = x + self.drop(self.proj(a))
        c = self.dw(self.ln_conv(x).transpose(1, 2)).transpose(1, 2)
        x = x + self.drop(self.pw(nn.functional.gelu(c)))
        x = x + self.drop(self.ff2(self.drop(nn.functional.gelu(self.ff1(self.ln_ff(x))))))
        return x


class CtcModel(nn.Module):
    def __init__(self, vocab, d=144, layers=5, heads=4, ff=432, kernel=15, dropout=0.1):
        super().__init__()
        self.frontend = LogMelFrontEnd()
        self.sub1 = nn.Conv1d(80, d, 5, stride=SUBSAMPLE, padding=2)
        self.sub2 = nn.Conv1d(d, d, 3, padding=1)
        self.blocks = nn.ModuleList([ConformerLite(d, heads, ff, kernel, dropout) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)

    def encode(self, feats, lengths=None):
        x = nn.functional.gelu(self.sub1(feats))
        x = nn.functional.gelu(self.sub2(x)).transpose(1, 2)
        mask = None
        if lengths is not None:
            t = x.shape[1]
            valid = torch.arange(t)[None, :] < lengths[:, None]
            mask = torch.zeros(valid.shape).masked_fill(~valid, -1e4)[:, None, None, :]
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(self.ln(x))

    def forward(self, input_values):
        return self.encode(self.frontend(input_values))


def out_frames(frames):
    return (frames + 2 * 2 - 5) // SUBSAMPLE + 1


def spec_augment(x, rng):
    x = x.clone()
    f, t = x.shape
    for _ in range(2):
        w = rng.randint(0, 12)
        s = rng.randint(0, f - w)
        x[s:s + w, :] = 0
    for _ in range(max(1, t // 150)):
        w = rng.randint(0, min(25, t // 8))
        s = rng.randint(0, t - w)
        x[:, s:s + w] = 0
    return x


def batches(items, max_frames, rng):
    items = sorted(items, key=lambda it: it[1].shape[1])
    out, cur, longest = [], [], 0
    for it in items:
        n = it[1].shape[1]
        if cur and max(longest, n) * (len(cur) + 1) > max_frames:
            out.append(cur)
            cur, longest = [], 0
        cur.append(it)
        longest = max(longest, n)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def collate(batch, rng, augment):
    frames = torch.tensor([b[1].shape[1] for b in batch])
    feats = torch.zeros(len(batch), 80, int(frames.max()))
    for i, it in enumerate(batch):
        f = it[1].float()
        feats[i, :, :f.shape[1]] = spec_augment(f, rng) if augment else f
    targets = torch.cat([b[2] for b in batch])
    tlens = torch.tensor([len(b[2]) for b in batch])
    return feats, out_frames(frames), targets, tlens


def greedy(logits, ids_to_char):
    best = logits.argmax(dim=-1).tolist()
    out, prev = [], -1
    for i in best:
        if i != prev and i != 0:
            out.append(ids_to_char.get(i, ""))
        prev = i
    return " ".join("".join(c if c != "|" else " " for c in out).split())


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def evaluate(model, items, ids_to_char):
    model.eval()
    edits = chars = 0
    with torch.no_grad():
        for _, f, _, text in items:
            logits = model.encode(f.float()[None])[0]
            hyp = greedy(logits, ids_to_char)
            edits += edit_distance(hyp, text)
            chars += len(text)
    model.train()
    return edits / max(chars, 1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lang", required=True)
    p.add_argument("--work", default=None, help="prepare.py's folder (default models/recipes/.work/<lang>)")
    p.add_argument("--out", default=None, help="default models/default/charkha-ctc-<lang>")
    p.add_argument("--minutes", type=float, default=60.0, help="training time budget for this run")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--max-frames", type=int, default=9000, help="padded feature frames per batch")
    p.add_argument("--lr", type=float, default=1.5e-3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--checkpoint-every", type=int, default=100)
    p.add_argument("--d", type=int, default=144)
    p.add_argument("--layers", type=int, default=5)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--max-steps", type=int, default=None,
                   help="stop at this many optimizer steps in all (runs compared at equal compute)")
    p.add_argument("--limit", type=int, default=None,
                   help="train on the first N utterances only (to compare sets of equal size)")
    p.add_argument("--export-only", action="store_true", help="export the checkpoint as it is, no training")
    p.add_argument("--machine", default=None, help="recorded in training.json (e.g. '2-core VM, Debian 12')")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    # oneDNN's conv1d backward in Debian's PyTorch 1.13 returns NaN gradients
    # for some batch shapes (seen here, in the strided and depthwise layers).
    torch.backends.mkldnn.enabled = False
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    work = a.work or os.path.join(REPO, "models", "recipes", ".work", a.lang)
    out = a.out or os.path.join(REPO, "models", "default", f"charkha-ctc-{a.lang}")
    diff = check_frontend()
    print(f"front end matches torch.stft within {diff:.1e}", flush=True)

    train_rows = read_manifest(os.path.join(work, "train"))
    if a.limit is not None:
        if a.limit > len(train_rows):
            raise SystemExit(f"--limit {a.limit}: {work}/train has only {len(train_rows)} utterances")
        train_rows = train_rows[:a.limit]
    texts = {r["id"]: target_text(r["spoken"]) for r in train_rows}
    counts = {}
    for t in texts.values():
        for ch in t.replace(" ", ""):
            counts[ch] = counts.get(ch, 0) + 1
    chars = sorted(ch for ch, n in counts.items() if n >= 3)
    vocab = {tok: i for i, tok in enumerate(SPECIALS + chars)}
    ids_to_char = {i: tok for tok, i in vocab.items() if i >= 4}
    feats = cache_features(os.path.join(work, "train"), train_rows, os.path.join(work, "train-feats.pt"))

    def encode(text):
        return torch.tensor([vocab.get("|" if ch == " " else ch, 3) for ch in text], dtype=torch.long)

    items = [(r["id"], feats[r["id"]], encode(texts[r["id"]]), texts[r["id"]]) for r in train_rows]
    items = [it for it in items if len(it[2]) > 0 and out_frames(it[1].shape[1]) >= len(it[2])]
    rng.shuffle(items)
    dev, train = items[:100], items[100:]
    # prepare.py --extra-latin-numbers and --more-rows: training rows only
    # (the dev set stays the base split's, so a run with them is comparable
    # with one without), and the vocabulary stays the base split's, so that
    # a checkpoint trained without them resumes with them.
    added = {}  # phase key -> (rows used, rows prepared, their classes)
    for folder, key, what in (("train-extra", "extra", "extra rows (Latin-written numbers)"),
                              ("train-more", "more", "more train rows"),
                              ("train-junction", "junction", "junction rows (a plain word before each number)")):
        folder = os.path.join(work, folder)
        if not os.path.isdir(folder):
            continue
        rows = read_manifest(folder)
        fts = cache_features(folder, rows, folder + "-feats.pt")
        used = 0
        for r in rows:
            text = target_text(r["spoken"])
            if not text or any(ch != " " and ch not in vocab for ch in text):
                continue
            it = (r["id"], fts[r["id"]], encode(text), text)
            if out_frames(it[1].shape[1]) >= len(it[2]):
                train.append(it)
                used += 1
        # The classes prepare.py was asked for (None: all), so the card can repeat the command.
        request = os.path.join(folder, "request.json")
        classes = None
        if os.path.exists(request):
            with open(request, encoding="utf-8") as f:
                classes = json.load(f).get("classes")
        added[key] = (used, len(rows), classes)
        print(f"{used} of {len(rows)} {what} added to training", flush=True)
    print(f"{len(train)} train / {len(dev)} dev utterances, {len(vocab)} tokens, "
          f"{sum(it[1].shape[1] for it in train) / 100 / 3600:.2f} h", flush=True)

    model = CtcModel(len(vocab), d=a.d, layers=a.layers, ff=3 * a.d)
    params = sum(p.numel() for n, p in model.named_parameters())
    print(f"{params / 1e6:.2f} M parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    ckpt_path = os.path.join(work, "checkpoint.pt")
    state = {"step": 0, "epoch": 0, "seconds": 0.0, "history": [], "phases": []}
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
        if ck["vocab"] != vocab:
            raise SystemExit(f"{ckpt_path}: vocabulary differs from this data; delete the checkpoint to start over")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        state = ck["state"]
        if "phases" not in state:
            # Checkpoints from before phases were recorded: all of it was base data.
            state["phases"] = [{"from_step": 0, "to_step": state["step"],
                                "minutes": round(state["seconds"] / 60, 1), "extra": 0}]
        print(f"resumed at step {state['step']}, epoch {state['epoch']}", flush=True)
    # A phase is a stretch of training on one data set; a resumed run on the
    # same data extends the last one.
    phases = state["phases"]
    data = {k: added.get(k, (0,))[0] for k in ("extra", "more", "junction")}
    if not phases or any(phases[-1].get(k, 0) != v for k, v in data.items()):
        phases.append({"from_step": state["step"], "to_step": state["step"], "minutes": 0.0,
                       **{k: v for k, v in data.items() if k == "extra" or v}})
        # The epoch's batch plan is drawn over the new data: start it afresh.
        state["batch_in_epoch"] = 0
    phase_seconds0 = phases[-1]["minutes"] * 60 - state["seconds"]
    # What prepare.py was asked for (a row whose letters are outside the vocabulary is left out).
    if data["extra"]:
        phases[-1]["extra_prepared"] = added["extra"][1]
    for k in ("more", "junction"):
        if data[k]:
            phases[-1][f"{k}_prepared"] = added[k][1]
            if added[k][2]:
                phases[-1][f"{k}_classes"] = added[k][2]

    def save():
        phases[-1]["to_step"] = state["step"]
        phases[-1]["minutes"] = round((phase_seconds0 + state["seconds"]) / 60, 1)
        tmp = ckpt_path + ".tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state, "vocab": vocab}, tmp)
        os.replace(tmp, ckpt_path)

    if a.export_only:
        if not os.path.exists(ckpt_path):
            raise SystemExit(f"{ckpt_path}: no checkpoint to export")
        cer = evaluate(model, dev, ids_to_char)
        export(model, vocab, out, a, state, params, len(train), sum(it[1].shape[1] for it in train) / 100 / 3600, cer)
        return

    warmup = 300
    budget = a.minutes * 60
    t_run = time.time()
    model.train()
    done = a.max_steps is not None and state["step"] >= a.max_steps
    while state["epoch"] < a.epochs and not done:
        ep_rng = random.Random(a.seed * 1000 + state["epoch"])
        plan = batches(train, a.max_frames, ep_rng)
        skip = state.get("batch_in_epoch", 0)
        for bi, batch in enumerate(plan):
            if bi < skip:
                continue
            feats_b, flens, targets, tlens = collate(batch, ep_rng, augment=True)
            step = state["step"]
            lr = a.lr * min((step + 1) / warmup, math.sqrt(warmup / (step + 1)))
            for g in opt.param_groups:
                g["lr"] = lr
            logits = model.encode(feats_b, flens)
            logp = logits.log_softmax(-1).transpose(0, 1)
            loss = ctc(logp, targets, flens, tlens)
            opt.zero_grad()
            loss.backward()
            norm = nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            if not (torch.isfinite(loss) and torch.isfinite(norm)):
                # One bad batch must not poison the weights: skip it, and say so.
                state["skipped"] = state.get("skipped", 0) + 1
                print(f"step {state['step']}: non-finite loss or gradient, batch skipped "
                      f"({state['skipped']} so far)", flush=True)
                if state["skipped"] > 50:
                    raise SystemExit("training diverged: over 50 non-finite batches; lower --lr")
                continue
            opt.step()
            state["step"] += 1
            state["batch_in_epoch"] = bi + 1
            if state["step"] % 20 == 0:
                el = time.time() - t_run
                print(f"step {state['step']} epoch {state['epoch']} batch {bi + 1}/{len(plan)} loss {loss.item():.3f} "
                      f"lr {lr:.2e} {el / 60:.1f} min", flush=True)
            if state["step"] % a.checkpoint_every == 0:
                state["seconds"] += time.time() - t_run
                t_run_saved = time.time()
                save()
                budget -= t_run_saved - t_run
                t_run = t_run_saved
            if time.time() - t_run > budget or (a.max_steps is not None and state["step"] >= a.max_steps):
                done = True
                break
        if not done:
            state["epoch"] += 1
            state["batch_in_epoch"] = 0
            cer = evaluate(model, dev, ids_to_char)
            state["history"].append({"epoch": state["epoch"], "step": state["step"], "dev_cer": cer})
            print(f"epoch {state['epoch']} done: dev CER {cer:.3f}", flush=True)
    state["seconds"] += time.time() - t_run
    save()
    cer = evaluate(model, dev, ids_to_char)
    print(f"final dev CER {cer:.3f} after {state['step']} steps, {state['seconds'] / 60:.1f} min total", flush=True)
    export(model, vocab, out, a, state, params, len(train), sum(it[1].shape[1] for it in train) / 100 / 3600, cer)


def export(model, vocab, out, a, state, params, n_train, hours, dev_cer):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from fixture_common import write_json, write_manifest  # noqa: E402
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    model.eval()
    dummy = torch.zeros(1, 16000 * 3)
    with torch.no_grad():
        torch.onnx.export(model, (dummy,), os.path.join(out, "onnx", "model.onnx"),
                          input_names=["input_values"], output_names=["logits"],
                          dynamic_axes={"input_values": {0: "batch", 1: "samples"}, "logits": {0: "batch", 1: "frames"}},
                          opset_version=14, do_constant_folding=True)
    write_json(out, "vocab.json", vocab)
    write_json(out, "config.json", {
        "architectures": ["Wav2Vec2ForCTC"], "model_type": "wav2vec2", "vocab_size": len(vocab),
        "pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2, "ctc_loss_reduction": "mean",
        "charkha": {"recipe": "models/recipes/default_ctc", "d_model": a.d, "layers": a.layers,
                    "subsample": SUBSAMPLE, "frame_seconds": 0.01 * SUBSAMPLE, "frontend": "in-graph log-mel (NeMo-style)"},
    })
    write_json(out, "preprocessor_config.json", {
        "do_normalize": False, "feature_extractor_type": "Wav2Vec2FeatureExtractor", "feature_size": 1,
        "padding_side": "right", "padding_value": 0.0, "return_attention_mask": False, "sampling_rate": 16000,
    })
    write_json(out, "tokenizer_config.json", {
        "bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
        "word_delimiter_token": "|", "do_lower_case": False, "tokenizer_class": "Wav2Vec2CTCTokenizer",
    })
    write_json(out, "training.json", {
        "lang": a.lang, "parameters": params, "train_utterances": n_train, "train_hours": round(hours, 3),
        "steps": state["step"], "epochs_completed": state["epoch"], "train_minutes": round(state["seconds"] / 60, 1),
        "threads": a.threads, "max_frames": a.max_frames, "lr": a.lr, "d_model": a.d, "layers": a.layers,
        "dev_cer": round(dev_cer, 4), "history": state["history"], "machine": a.machine,
        "limit": a.limit, "max_steps": a.max_steps, "seed": a.seed,
        "extra_train_utterances": (sum(state["phases"][-1].get(k, 0) for k in ("extra", "more", "junction"))
                                   if state.get("phases") else 0),
        "phases": state.get("phases", []),
    })
    write_golden(model, out)
    lang_names = {"hi": "Hindi", "te": "Telugu", "ta": "Tamil"}
    write_manifest(out, {
        "id": f"charkha-ctc-{a.lang}", "name": f"Charkha default CTC ({lang_names.get(a.lang, a.lang)}, espeak-ng flywheel)",
        "task": "asr", "family": "wav2vec2-ctc", "layout": "hf-onnx", "languages": [a.lang], "sampleRate": 16000,
        "licence": "GPL-3.0-or-later", "source": "models/recipes/default_ctc",
    }, [("onnx/model.onnx", "model"), ("vocab.json", "vocab"), ("config.json", "config"),
        ("preprocessor_config.json", "preprocessor"), ("tokenizer_config.json", "tokenizer_config")])
    print(f"exported to {out}", flush=True)


def write_golden(model, out):
    """Logits PyTorch computes for a fixed input, which the ONNX Runtime path must reproduce."""
    from fixture_common import stats  # noqa: E402
    # A chirp with a slow tremolo tone: every mel band changes over time, so
    # the per-feature normalisation is well conditioned (a steady sine leaves
    # bands whose std is ~0, where float rounding is amplified 1e5 times).
    t = torch.arange(32000, dtype=torch.float64) / 16000.0
    wave = 0.4 * torch.sin(2 * math.pi * (100 * t + 1500 * t * t)) \
        + 0.1 * torch.sin(2 * math.pi * 440 * t) * torch.sin(2 * math.pi * 3 * t)
    wave = wave.float()[None, :]
    with torch.no_grad():
        logits = model(wave)
    write_json_golden = {
        "tolerance": {"abs": 1e-3},
        "input": "0.4·sin(2π(100t + 1500t²)) + 0.1·sin(2π·440t)·sin(2π·3t), 32000 samples at 16 kHz (computed in float64)",
        "cases": [{"feeds": {"input_values": {"chirp": {"samples": 32000, "rate": 16000}}},
                   "output": stats(logits)}],
    }
    with open(os.path.join(out, "golden.json"), "w", encoding="utf-8") as f:
        json.dump(write_json_golden, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
