# ---- Shared by the Keras and PyTorch exports: MNIST from IDX files, the app's figures, its random
# ---- generator, its experiment file, and the result files. docs/python-scripts.md describes them.

# Keras's backend epsilon: BCE clips predictions to [EPSILON, 1 - EPSILON] (filled in from the app)
EPSILON = None  # @BCE_EPSILON@
# The experiment file the runs were exported from, looked for beside this script (None: not saved)
EXPERIMENT = None  # @EXPERIMENT@
# The columns of the app's metrics CSV (File > Export > Metrics as CSV): a row per batch and per epoch
METRICS_HEADER = "run,label,kind,epoch,batch,step,train_loss,train_bce,train_mse,test_loss,test_bce,test_mse,output_sum,seconds"


def read_idx_images(folder, stem):
    """The images of one MNIST-layout IDX file, raw or gzipped, named as the app accepts them:
    train-images-idx3-ubyte[.gz] or train-images.idx3-ubyte[.gz]. Returns (count, rows * cols) uint8."""
    names = [stem + "-idx3-ubyte", stem + "-idx3-ubyte.gz", stem + ".idx3-ubyte", stem + ".idx3-ubyte.gz"]
    paths = [os.path.join(folder, n) for n in names if os.path.isfile(os.path.join(folder, n))]
    if not paths:
        sys.exit("error: %s: no %s file (looked for %s)" % (folder, names[0], ", ".join(names)))
    with open(paths[0], "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":  # gzip is recognised by its magic, not by the name
        data = gzip.decompress(data)
    if len(data) < 16 or data[0:2] != b"\0\0" or data[2] != 0x08 or data[3] != 3:
        sys.exit("error: %s: not an IDX file of unsigned-byte images" % paths[0])
    count, rows, cols = struct.unpack(">3i", data[4:16])
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16)
    if pixels.size != count * rows * cols:
        sys.exit("error: %s: holds %d bytes of pixels, its header says %d x %d x %d"
                 % (paths[0], pixels.size, count, rows, cols))
    return pixels.reshape(count, rows * cols)


def first(images, limit):
    """The first `limit` images, or all of them when limit is 0 (the app's train/test limits)."""
    return images if limit == 0 else images[:limit]


def network_scale(run, pixels):
    """Inputs and targets on the network's scale, in float32 as the app makes them: pixel * (1f / 255f)
    for "unit", the 0-255 pixel itself for "raw"."""
    factor = np.float32(1) / np.float32(255) if run["scale"] == "unit" else np.float32(1)
    return pixels.astype(np.float32) * factor


def output_divisor(run):
    """What an output is divided by to read it as a [0,1] intensity: a linear output trained on raw
    0-255 targets speaks in 0-255; sigmoid and softmax outputs are in [0,1] already."""
    return 255.0 if run["scale"] == "raw" and run["output"] == "linear" else 1.0


def clipped_bce(p, y, log, clip):
    """Per-element BCE with Keras's clipping, for NumPy (np.log, np.clip) or torch (torch.log, torch.clamp):
      -[y log q + (1 - y) log(1 - q)],  q = p clipped to [EPSILON, 1 - EPSILON]"""
    q = clip(p, EPSILON, 1 - EPSILON)
    return -(y * log(q) + (1 - y) * log(1 - q))


def figures_01(outputs, pixels, divisor):
    """BCE and MSE on the [0,1] pixel scale whatever loss is trained, and the mean over images of the sum
    of the outputs -- the app's test_bce, test_mse and output_sum:
      q = output / divisor,  y = pixel / 255,  bce = mean clipped_bce(q, y),  mse = mean (q - y)^2"""
    q = outputs.astype(np.float64) / divisor
    y = pixels.astype(np.float64) / 255.0
    bce = np.mean(clipped_bce(q, y, np.log, np.clip))
    mse = np.mean((q - y) ** 2)
    return bce, mse, outputs.astype(np.float64).sum(axis=1).mean()


def print_epoch(epoch, total, train_loss, test_loss, bce, mse, output_sum, seconds):
    """One line per epoch, as `java -jar autoencoder-lab.jar train` prints it."""
    print("epoch %d/%d  train_loss %.5f  test_loss %.5f  test_bce %.5f  test_mse %.5f  output_sum %.2f  %.1f s"
          % (epoch, total, train_loss, test_loss, bce, mse, output_sum, seconds), flush=True)


def print_start(what, test_loss, bce, mse, output_sum):
    """The figures of the starting weights, to 6 significant digits (`eval` of the same file prints 5 decimals)."""
    print("start (%s)  test_loss %.6g  test_bce %.6g  test_mse %.6g  output_sum %.2f"
          % (what, test_loss, bce, mse, output_sum), flush=True)


def load_mnist(folder):
    return read_idx_images(folder, "train-images"), read_idx_images(folder, "t10k-images")


def check_image_size(run, images):
    if images.shape[1] != run["layers"][0]:
        sys.exit("error: the images have %d pixels, but the model reads %d" % (images.shape[1], run["layers"][0]))


# ---- The app's random numbers: java.util.SplittableRandom (JDK 17), replayed bit for bit ----
# SplitMix64 (Steele, Lea & Flood 2014): the state s starts at the seed and grows by the golden gamma
# G = 0x9E3779B97F4A7C15 each draw, mod 2^64; a draw mixes the new state:
#   nextLong = mix64(s)               nextInt = mix32(s) (a signed 32-bit value)
#   nextDouble = (nextLong >>> 11) * 2^-53                         in [0, 1)
#   nextDouble(o, b) = u * (b - o) + o, u = nextDouble; nextDown(b) if that rounds to >= b
#   nextInt(n): u = nextInt >>> 1 and r = u mod n, drawing again while u + (n - 1) - r overflows 32 bits
#               (when n is a power of two: nextInt & (n - 1))
M64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    """Stafford's variant 13 of the 64-bit finaliser, on unsigned 64-bit ints."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def mix32(z):
    """The high 32 bits of Stafford's variant 4, unsigned."""
    z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & M64
    return (((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & M64) >> 32


def int32(v):
    """Java's int overflow: v mod 2^32 read as a signed 32-bit value."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


class SplittableRandom:
    """java.util.SplittableRandom(seed): the same numbers, draw for draw (tested against Java's)."""

    def __init__(self, seed):
        self.state = seed & M64

    def _next_state(self):
        self.state = (self.state + GOLDEN_GAMMA) & M64
        return self.state

    def next_long(self):
        """Java's nextLong() as a signed 64-bit value."""
        v = mix64(self._next_state())
        return v - (1 << 64) if v >= 1 << 63 else v

    def next_int(self):
        return int32(mix32(self._next_state()))

    def next_double(self):
        return (mix64(self._next_state()) >> 11) * 2.0 ** -53

    def next_double_in(self, origin, bound):
        r = self.next_double() * (bound - origin) + origin
        return math.nextafter(bound, -math.inf) if r >= bound else r

    def next_int_below(self, bound):
        r, m = self.next_int(), bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if int32(u + m - r) >= 0:
                return r
            u = (self.next_int() & 0xFFFFFFFF) >> 1


def mix64_array(z):
    """mix64 over a uint64 array (NumPy's uint64 arithmetic wraps mod 2^64 as Java's long does)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def app_glorot(widths, seed):
    """The app's first weights (engine/Autoencoder.glorot): one SplittableRandom(seed) draws every W_l in
    layer order, row-major (in, out), each nextDouble(-r_l, r_l) cast to float32, r_l = sqrt(6 / (n_l + n_{l+1}));
    biases are zero. Draw k (from 0) mixes the state seed + (k + 1) G, so a layer's draws are one vectorised
    mix64. Returns [W_0, b_0, W_1, b_1, ...] as the app stores them."""
    params, k = [], 0
    for l in range(len(widths) - 1):
        n_in, n_out = widths[l], widths[l + 1]
        count, r = n_in * n_out, math.sqrt(6.0 / (n_in + n_out))
        steps = np.arange(k + 1, k + count + 1, dtype=np.uint64)
        states = np.uint64(seed & M64) + steps * np.uint64(GOLDEN_GAMMA)
        u = (mix64_array(states) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        w = u * (r - -r) + -r
        w[w >= r] = math.nextafter(r, -math.inf)
        params += [w.astype(np.float32).reshape(n_in, n_out), np.zeros(n_out, np.float32)]
        k += count
    return params


def app_shuffle(n, seed, epoch):
    """The order of the app's epoch (engine/Trainer.shuffle): Fisher-Yates over 0 .. n-1 drawing from
    SplittableRandom(seed * G + epoch) (Java long arithmetic), j = nextInt(i + 1) for i = n-1 down to 1."""
    a = list(range(n))
    rng = SplittableRandom(seed * GOLDEN_GAMMA + epoch)
    for i in range(n - 1, 0, -1):
        j = rng.next_int_below(i + 1)
        a[i], a[j] = a[j], a[i]
    return np.array(a, dtype=np.int64)


# ---- Where a run starts: the app's experiment file, or weights this script (or export-weights) wrote ----

class Start:
    """A run's starting point. params: the app's arrays W_0 (in, out), b_0, ... (plus a VAE's W_logvar,
    b_logvar); state: the optimizer's arrays, in groups of one array per parameter (Adam m then v, SGD u,
    RMSprop v), or None; steps: optimizer steps taken; epochs_done; history: CSV rows of what came before."""

    def __init__(self, params, state=None, steps=0, epochs_done=0, history=()):
        self.params, self.state, self.steps, self.epochs_done, self.history = params, state, steps, epochs_done, list(history)


def read_array(archive, entry, shape):
    """An .npy entry (format 2.0), or raw little-endian float32 values (.f32, format 1.x)."""
    raw = archive.read(entry)
    a = np.load(io.BytesIO(raw)) if entry.endswith(".npy") else np.frombuffer(raw, "<f4")
    return np.asarray(a, dtype=np.float32).reshape(shape)


def read_experiment(path, index, run, number):
    """Run `index` of an Autoencoder Lab experiment file (a zip: experiment.json and .npy entries,
    docs/experiment-format.md): its weights, optimizer state, checkpoint and history."""
    try:
        with zipfile.ZipFile(path) as z:
            desc = json.loads(z.read("experiment.json").decode("utf-8"))
            if desc.get("format") != "aelab-experiment":
                sys.exit("error: %s is not an Autoencoder Lab experiment" % path)
            if index >= len(desc["runs"]):
                sys.exit("error: %s holds %d runs, not run %d" % (path, len(desc["runs"]), index + 1))
            r = desc["runs"][index]
            if r["settings"]["layers"] != run["layers"]:
                sys.exit("error: run %d of %s has layers %s, this script's has %s; export the script again"
                         % (index + 1, path, r["settings"]["layers"], run["layers"]))
            params = [read_array(z, w["entry"], w["shape"]) for w in r["weights"]]
            opt = r.get("optimizer", {})
            state = [read_array(z, s["entry"], s["shape"]) for s in opt.get("state", [])] or None
            history = [epoch_row(number, run, e["epoch"], e["trainLoss"], e["testLoss"], e["testBce"], e["testMse"],
                                 e["outputSum"], e["seconds"]) for e in r.get("epochs", [])]
            history = batch_history(z, r.get("batches"), number, run, history)
            point = r["checkpoint"]
            return Start(params, state, opt.get("steps", point["steps"]), point["epochsDone"], history)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        sys.exit("error: could not read %s: %s" % (path, e))


def batch_history(z, batches, number, run, epochs):
    """The saved batch points as CSV rows, each epoch's row right after its last batch (as the app's CSV)."""
    if not batches or batches["count"] == 0:
        return epochs
    count = batches["count"]
    raw = z.read(batches["entry"])
    col = lambda c, t: np.frombuffer(raw, t, count, 8 * c * count)
    epoch, batch, step = col(0, "<i8"), col(1, "<i8"), col(2, "<i8")
    loss, bce, mse, nanos = col(3, "<f8"), col(4, "<f8"), col(5, "<f8"), col(6, "<i8")
    rows, e = [], 0
    for i in range(count):
        while e < len(epochs) and int(epochs[e][3]) < epoch[i]:
            rows.append(epochs[e])
            e += 1
        rows.append(batch_row(number, run, int(epoch[i]), int(batch[i]), int(step[i]), float(loss[i]),
                              float(bce[i]), float(mse[i]), nanos[i] / 1e9))
    return rows + epochs[e:]


def read_npz(path, names_to_app):
    """Weights this script or `export-weights --format npz` wrote (PyTorch's state-dict names and
    layout), as the app's arrays: names_to_app(names) maps them back."""
    try:
        with np.load(path) as z:
            return Start(names_to_app({k: z[k] for k in z.files}))
    except (OSError, ValueError, KeyError) as e:
        sys.exit("error: could not read weights from %s: %s" % (path, e))


def find_start(args, run, index, number, names_to_app):
    """The starting point --init trained asks for: --from FILE, else the experiment beside this script."""
    path = args.source or (os.path.join(os.path.dirname(os.path.abspath(__file__)), EXPERIMENT) if EXPERIMENT else None)
    if path is None:
        sys.exit("error: --init trained needs weights: these runs were not saved; give --from FILE.aelab|FILE.npz")
    if not os.path.isfile(path):
        sys.exit("error: %s: no such file (--init trained reads the experiment's weights; give --from FILE)" % path)
    with open(path, "rb") as f:
        if f.read(2) != b"PK":
            sys.exit("error: %s is neither an experiment file nor an .npz" % path)
    with zipfile.ZipFile(path) as z:
        is_experiment = "experiment.json" in z.namelist()
    return read_experiment(path, run.get("index", index), run, number) if is_experiment else read_npz(path, names_to_app)


def wants_trained(args):
    return args.init == "trained" if args.init else (EXPERIMENT is not None or args.source is not None)


# ---- The result files: weights as .npz, metrics as the app's CSV, both written atomically ----

def batch_row(number, run, epoch, batch, step, loss, bce, mse, seconds):
    return [number, run["label"], "batch", epoch, batch, step, loss, bce, mse, "", "", "", "", seconds]


def epoch_row(number, run, epoch, train_loss, test_loss, bce, mse, output_sum, seconds):
    return [number, run["label"], "epoch", epoch, "", "", train_loss, "", "", test_loss, bce, mse, output_sum,
            "%.3f" % seconds]


def atomic_write(path, write):
    """Writes through a temporary file in the same folder, renamed over the target when complete."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_results(args, number, tensors, rows):
    """<out>/<script>-run<N>.npz (state-dict names, float32) and <out>/<script>-run<N>-metrics.csv."""
    stem = os.path.join(args.out, "%s-run%d" % (os.path.splitext(os.path.basename(__file__))[0], number))

    def csv_bytes(f):
        text = io.StringIO()
        w = csv.writer(text, lineterminator="\n")
        w.writerow(METRICS_HEADER.split(","))
        w.writerows([[repr(v) if isinstance(v, float) else v for v in row] for row in rows])
        f.write(text.getvalue().encode("utf-8"))

    atomic_write(stem + ".npz", lambda f: np.savez(f, **{k: np.asarray(v, np.float32) for k, v in tensors.items()}))
    atomic_write(stem + "-metrics.csv", csv_bytes)
    print("wrote %s.npz and %s-metrics.csv" % (stem, stem), flush=True)


def main_args(description, extra=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", nargs="?", default="mnist",
                        help="folder with train-images-idx3-ubyte.gz and t10k-images-idx3-ubyte.gz (default: ./mnist)")
    parser.add_argument("--init", choices=["trained", "fresh"],
                        help="start from the trained weights (default when the experiment has them) or fresh ones")
    parser.add_argument("--epochs", type=int, metavar="N",
                        help="epochs to train; 0 just evaluates (default: what the run's plan has left)")
    parser.add_argument("--from", dest="source", metavar="FILE",
                        help="the weights for --init trained: an .aelab experiment (default: %s beside this script) "
                             "or an .npz this script wrote" % (EXPERIMENT or "none"))
    parser.add_argument("--run", type=int, metavar="N", help="train run N only (1-based; default: every run)")
    parser.add_argument("--out", metavar="DIR", default=os.path.dirname(os.path.abspath(__file__)),
                        help="folder for the results (default: this script's)")
    if extra:
        extra(parser)
    args = parser.parse_args()
    if args.epochs is not None and args.epochs < 0:
        parser.error("--epochs must be 0 or more")
    if args.run is not None and not 1 <= args.run <= len(RUNS):
        parser.error("--run must be 1 to %d" % len(RUNS))
    if not os.path.isdir(args.out):
        parser.error("--out %s is not a folder" % args.out)
    return args


def epochs_to_train(args, run, start):
    """--epochs, else the plan's epochs left after the start (all of them from fresh weights)."""
    return args.epochs if args.epochs is not None else max(0, run["epochs"] - start.epochs_done)
