package io.pitaj.models.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void reconstructsARandomSymmetricMatrixWithOrthonormalVectors() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 6;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) a[i][j] = a[j][i] = rng.nextDouble(-2, 2);
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] values = e.values();
        double[][] v = e.vectors();
        for (int i = 0; i < n; i++) {
            if (i > 0) assertTrue(values[i - 1] <= values[i], "ascending");
            for (int j = 0; j < n; j++) {
                double dot = 0, rebuilt = 0;
                for (int m = 0; m < n; m++) {
                    dot += v[i][m] * v[j][m];
                    rebuilt += v[m][i] * values[m] * v[m][j];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-13, "vᵢ·vⱼ");
                assertEquals(a[i][j], rebuilt, 1e-13, "(VΛVᵀ)ᵢⱼ");
            }
        }
    }

    @Test
    void diagonalAndEqualEigenvalues() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 1}});
        assertEquals(1, e.values()[0]);
        assertEquals(2, e.values()[2]);
        SymmetricEigen rotated = SymmetricEigen.of(new double[][] {{1, 1}, {1, 1}});
        assertEquals(0, rotated.values()[0], 1e-15);
        assertEquals(2, rotated.values()[1], 1e-15);
    }
}
