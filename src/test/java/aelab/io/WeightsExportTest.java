package aelab.io;

import aelab.engine.Autoencoder;
import aelab.engine.OptimizerKind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The weights under the PyTorch model's names and shapes, in both containers, read back as their readers would. */
class WeightsExportTest {
    @TempDir Path dir;

    private static Autoencoder model() {
        return TinyRuns.run(OptimizerKind.ADAM).checkpoint().model();   // 4-3-4: W0 (4, 3), W1 (3, 4)
    }

    @Test
    void safetensorsHoldsEachLayerTransposedAtItsOffsets() throws Exception {
        Path f = dir.resolve("w.safetensors");
        Autoencoder m = model();
        WeightsExport.write(f, m, WeightsExport.Format.SAFETENSORS, Map.of("label", "tiny"));
        byte[] all = Files.readAllBytes(f);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        assertEquals(0, n % 8, "the header is padded to 8 bytes");
        JsonObject header = new JsonObject(Json.parse(new String(all, 8, (int) n, StandardCharsets.UTF_8).trim()), "");
        assertEquals("tiny", header.object("__metadata__").string("label"));
        JsonObject w2 = header.object("2.weight");
        assertEquals("F32", w2.string("dtype"));
        assertEquals(List.of(4L, 3L), w2.array("shape"));
        int[] range = w2.ints("data_offsets", 0, Integer.MAX_VALUE);
        assertEquals(4 * 12, range[1] - range[0]);
        float[] w1 = m.params()[2];   // (3, 4): W1[i][j] at i·4 + j
        int base = 8 + (int) n + range[0];
        for (int out = 0; out < 4; out++)
            for (int in = 0; in < 3; in++)
                assertEquals(w1[in * 4 + out], b.getFloat(base + 4 * (out * 3 + in)), 0f, "weight[" + out + "][" + in + "]");
        int[] bias = header.object("0.bias").ints("data_offsets", 0, Integer.MAX_VALUE);
        assertEquals(m.params()[1][2], b.getFloat(8 + (int) n + bias[0] + 8), 0f);
        assertEquals(all.length, 8 + n + header.object("2.bias").ints("data_offsets", 0, Integer.MAX_VALUE)[1], "nothing after the last tensor");
    }

    /** What a PyTorch user does with both files: the arrays load into the exported model's state dict and agree. */
    @Test
    void numpyAndPyTorchReadBothAsTheModelsStateDict() throws Exception {
        String python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here");
        Autoencoder m = model();
        Path npz = dir.resolve("w.npz"), st = dir.resolve("w.safetensors"), exp = dir.resolve("run.aelab");
        WeightsExport.write(npz, m, WeightsExport.Format.NPZ, Map.of());
        WeightsExport.write(st, m, WeightsExport.Format.SAFETENSORS, Map.of());
        ExperimentFile.write(exp, TinyRuns.experiment(OptimizerKind.ADAM));
        String code = String.join("\n",
                "import json, struct, sys, numpy as np, torch",
                "npz, st, exp = sys.argv[1:4]",
                "z = np.load(npz)",
                "raw = open(st, 'rb').read(); n = struct.unpack('<Q', raw[:8])[0]; h = json.loads(raw[8:8 + n])",
                "s = {k: np.frombuffer(raw[8 + n + v['data_offsets'][0]: 8 + n + v['data_offsets'][1]], '<f4').reshape(v['shape'])",
                "     for k, v in h.items() if k != '__metadata__'}",
                "model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Tanh(), torch.nn.Linear(3, 4))",
                "model.load_state_dict({k: torch.from_numpy(np.array(s[k])) for k in s})",
                "a = np.load(exp)",
                "assert sorted(z.files) == sorted(s) == sorted(model.state_dict()), (z.files, list(s))",
                "for k in s: assert np.array_equal(z[k], s[k]), k",
                "assert np.array_equal(s['0.weight'], a['runs/0/W0'].T) and np.array_equal(s['2.bias'], a['runs/0/b1'])",
                "print('ok', sorted(s))");
        Path py = Files.writeString(dir.resolve("check.py"), code);
        Python.Result r = Python.run(List.of(python, py.toString(), npz.toString(), st.toString(), exp.toString()), 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("ok ['0.bias', '0.weight', '2.bias', '2.weight']"), r.output());
    }
}
