# (Part of the PyTorch export: io/PythonExport puts it in place of the pytorch.py template's KINDS marker.)
# ---- Kinds of autoencoder. A kind builds its model, names its parameters in the app's order (W_0, b_0,
# ---- ...) by their state-dict names, and gives the loss of a batch: (loss, output logits z).

class Plain:
    """x -> dense stack -> output activation; loss = reconstruction loss against x itself."""

    def build(self, run):
        return dense_stack(run["layers"], run["hidden"])

    def names(self, run):
        return [n for l in range(len(run["layers"]) - 1) for n in ("%d.weight" % (2 * l), "%d.bias" % (2 * l))]

    def inputs(self, run, x, training):
        return x

    def loss(self, run, module, x, training):
        z = module(self.inputs(run, x, training))
        return reconstruction_loss(run, z, x), z

    def output(self, run, z):
        return output_activation(run, z)


class Denoising(Plain):
    """Each training step corrupts the inputs afresh; the target stays the clean image. noise is
    "gaussian:s" (x~ = clip(x + s N(0,1), 0, 1) on the [0,1] scale) or "masking:q" (each pixel 0 with prob. q)."""

    def inputs(self, run, x, training):
        if not training:
            return x
        kind, _, amount = run["noise"].partition(":")
        top = 255.0 if run["scale"] == "raw" else 1.0  # corrupt on the [0,1] scale whatever the network's
        if kind == "gaussian":
            return (x / top + float(amount) * torch.randn_like(x)).clamp(0, 1) * top
        if kind == "masking":
            return x * (torch.rand_like(x) >= float(amount)).to(x.dtype)
        sys.exit("error: unknown noise %r (gaussian:SIGMA or masking:Q)" % run["noise"])


class Sparse(Plain):
    """loss = reconstruction loss + l1 * mean over the batch of sum_j |code_j|, the code being the
    bottleneck layer's output after its activation (caught by a forward hook, so it works under DDP too)."""

    def build(self, run):
        model = dense_stack(run["layers"], run["hidden"])
        model.code = None
        model[2 * (bottleneck(run["layers"]) - 1) + 1].register_forward_hook(
            lambda module, inputs, out: setattr(model, "code", out))
        return model

    def loss(self, run, module, x, training):
        z = module(x)
        code = (module.module if hasattr(module, "module") else module).code
        return reconstruction_loss(run, z, x) + run["l1"] * code.abs().sum(dim=1).mean(), z


class VaeModule(nn.Module):
    """encoder (the plain model's layers before the bottleneck, with their activations) -> two linear heads
    mu and logvar of the bottleneck's width k -> z = mu + exp(logvar / 2) eps (sample), or mu ->
    decoder (the plain model's layers after the bottleneck, output logits)."""

    def __init__(self, run):
        super().__init__()
        widths, b = run["layers"], bottleneck(run["layers"])
        self.encoder = nn.Sequential(*dense_stack(widths[:b], run["hidden"]), HIDDEN[run["hidden"]]()) if b > 1 \
            else nn.Sequential()
        self.mu = nn.Linear(widths[b - 1], widths[b])
        self.logvar = nn.Linear(widths[b - 1], widths[b])
        for head in (self.mu, self.logvar):
            nn.init.xavier_uniform_(head.weight)
            nn.init.zeros_(head.bias)
        self.decoder = dense_stack(widths[b:], run["hidden"])

    def forward(self, x, sample=True):
        h = self.encoder(x)
        mu, logvar = self.mu(h), self.logvar(h)
        code = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu) if sample else mu
        return self.decoder(code), mu, logvar


class Vae(Plain):
    """loss per image = sum over pixels of BCE(sigmoid(z), y) + beta KL,
    KL = -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j)); the mean over the batch. Sigmoid output."""

    def build(self, run):
        return VaeModule(run)

    def names(self, run):
        widths, b = run["layers"], bottleneck(run["layers"])
        n = []
        for l in range(len(widths) - 1):
            prefix = "encoder.%d." % (2 * l) if l < b - 1 else "mu." if l == b - 1 else "decoder.%d." % (2 * (l - b))
            n += [prefix + "weight", prefix + "bias"]
        return n + ["logvar.weight", "logvar.bias"]

    def loss(self, run, module, x, training):
        """Training and test loss of one sample z per image, as the app's test_loss; in evaluation the
        logits returned for test_bce and test_mse are those of the decoded mu, as the app's."""
        z, mu, logvar = module(x, sample=True)
        y = x / 255.0 if run["scale"] == "raw" else x
        bce = F.binary_cross_entropy_with_logits(z, y, reduction="none").sum(dim=1)
        kl = -0.5 * (1 + logvar - mu ** 2 - logvar.exp()).sum(dim=1)
        if not training:
            z = module(x, sample=False)[0]
        return (bce + run["beta"] * kl).mean(), z

    def output(self, run, z):
        return torch.sigmoid(z)


KINDS = {"plain": Plain(), "denoising": Denoising(), "sparse": Sparse(), "vae": Vae()}


def kind_of(run):
    name = run.get("kind", "plain")
    if name not in KINDS:
        sys.exit("error: run %r is a %r autoencoder; this script knows %s" % (run["label"], name, ", ".join(KINDS)))
    return KINDS[name]
