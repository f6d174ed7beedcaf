# ---- MNIST from IDX files, and the app's figures (shared by the Keras and PyTorch exports) ----

# Keras's backend epsilon: BCE clips predictions to [EPSILON, 1 - EPSILON] (filled in from the app)
EPSILON = None  # @BCE_EPSILON@


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


def print_epoch(run, epoch, train_loss, test_loss, bce, mse, output_sum, seconds):
    """One line per epoch, as `java -jar autoencoder-lab.jar train` prints it."""
    print("epoch %d/%d  train_loss %.5f  test_loss %.5f  test_bce %.5f  test_mse %.5f  output_sum %.2f  %.1f s"
          % (epoch, run["epochs"], train_loss, test_loss, bce, mse, output_sum, seconds), flush=True)


def load_mnist(folder):
    return read_idx_images(folder, "train-images"), read_idx_images(folder, "t10k-images")


def check_image_size(run, images):
    if images.shape[1] != run["layers"][0]:
        sys.exit("error: the images have %d pixels, but the model reads %d" % (images.shape[1], run["layers"][0]))


def main_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", nargs="?", default="mnist",
                        help="folder with train-images-idx3-ubyte.gz and t10k-images-idx3-ubyte.gz (default: ./mnist)")
    return parser.parse_args()
