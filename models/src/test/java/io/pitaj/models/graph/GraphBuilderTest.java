package io.pitaj.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitaj.models.graph.ops.Constant;
import io.pitaj.models.graph.ops.Reshape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The builder's bookkeeping: common-subexpression elimination, constant folding, simplification, liveness, shape errors. */
class GraphBuilderTest {
    private final Graph g = new Graph();
    private final Node x = g.input("x", DType.F64, Shape.BATCH, 2, 3);
    private final Node y = g.input("y", DType.F64, Shape.BATCH, 2, 3);

    @Test
    void sameComputationIsTheSameNode() {
        assertSame(x.exp(), x.exp());
        assertSame(x.add(y).tanh(), x.add(y).tanh());
        assertSame(x.sum(2), x.sum(-1), "reduction axes are normalised before lookup");
        assertSame(x.gather(1, 1, 0), x.gather(1, 1, 0));
        assertSame(g.constant(Tensor.vector(1, 2), DType.F64), g.constant(Tensor.vector(1, 2), DType.F64));
        assertNotSame(x.add(y), y.add(x), "operand order is part of the computation");
        assertNotSame(x.sum(1), x.sumKeep(1));
        assertNotSame(g.scalar(1, DType.F64), g.scalar(1, DType.F32));
    }

    @Test
    void constantsCopyTheirData() {
        Tensor live = Tensor.vector(1, 2, 3);
        Node c = g.constant(live, DType.F64);
        live.data()[0] = 99;
        assertEquals(Tensor.vector(1, 2, 3), Interpreter.run(List.of(c), Map.of()).get(0));
    }

    @Test
    void largeConstantsAreNotFoldedIntoSecondCopies() {
        int n = 65; // 4225 elements, above the fold limit
        Node big = g.constant(Tensor.filled(1.5, n, n), DType.F64);
        assertFalse(big.mT().op() instanceof Constant, "a transposed large weight stays a node (ORT folds it on load)");
        Node small = g.constant(Tensor.filled(1.5, 8, 8), DType.F64);
        assertInstanceOf(Constant.class, small.mT().op());
        assertEquals(Tensor.filled(3, n, n), Interpreter.run(List.of(big.mT().mul(2)), Map.of()).get(0));
    }

    @Test
    void maximumTiesShareTheGradient() {
        Node v = g.input("v", DType.F64, 4);
        Node grad = Autodiff.grad(v.reduceMax(0), List.of(v)).get(0);
        Tensor out = Interpreter.run(List.of(grad), Map.of("v", Tensor.vector(1, 3, -2, 3))).get(0);
        assertEquals(Tensor.vector(0, 0.5, 0, 0.5), out, "two elements attain the maximum: half the gradient each");
    }

    @Test
    void adjacentPadsAddUpToOneConcatenation() {
        Node a = x.slice(2, 0, 1).exp(), b = x.slice(2, 1, 3).sin();
        Node sum = a.pad(2, 0, 2).add(b.pad(2, 1, 0));
        assertInstanceOf(io.pitaj.models.graph.ops.Concat.class, sum.op());
        Node gapped = a.pad(2, 0, 2).add(x.slice(2, 2, 3).pad(2, 2, 0));
        assertInstanceOf(io.pitaj.models.graph.ops.Binary.class, gapped.op(), "ranges with a gap stay a sum");
    }

    @Test
    void allConstantSubgraphsFoldIntoOneConstant() {
        Node a = g.constant(new Tensor(new int[] {2, 2}, new double[] {1, 2, 3, 4}), DType.F64);
        Node b = g.constant(Tensor.vector(0.5, -1), DType.F64);
        Node folded = Node.concat(1, a.matmul(a.mT()).add(b).exp().sum(1).reshape(2, 1), a);
        assertInstanceOf(Constant.class, folded.op());
        assertEquals(List.of(folded), Graph.topologicalOrder(List.of(folded)));
        // [[1,2],[3,4]]·[[1,3],[2,4]] = [[5,11],[11,25]], + [0.5,−1], exp, summed over each row
        double r0 = Math.exp(5.5) + Math.exp(10), r1 = Math.exp(11.5) + Math.exp(24);
        Tensor value = ((Constant) folded.op()).value();
        assertEquals(new Tensor(new int[] {2, 3}, new double[] {r0, 1, 2, r1, 3, 4}), value);

        Node mixed = g.scalar(2, DType.F64).mul(g.scalar(3, DType.F64)).add(x);
        assertInstanceOf(Constant.class, mixed.input(0).op());
        assertEquals(6, ((Constant) mixed.input(0).op()).value().item());
    }

    @Test
    void algebraicIdentitiesReturnTheOperand() {
        assertSame(x, x.add(0));
        assertSame(x, g.scalar(0, DType.F64).add(x));
        assertSame(x, x.sub(0));
        assertSame(x, x.mul(1));
        assertSame(x, g.scalar(1, DType.F64).mul(x));
        assertSame(x, x.div(1));
        assertSame(x, x.pow(1));
        assertSame(x, x.neg().neg());
        assertSame(x, x.transpose(0, 1, 2));
        assertSame(x, x.slice(1, 0, 2));
        assertSame(x, x.pad(2, 0, 0));
        assertSame(x, x.reshape(Shape.BATCH, 2, 3));
        assertSame(x, x.cast(DType.F64));
        assertSame(x, Node.concat(1, x));
        assertSame(x, x.expandLike(y));
        Node twice = x.reshape(Shape.BATCH, 6).reshape(Shape.BATCH, 3, 2);
        assertInstanceOf(Reshape.class, twice.op());
        assertSame(x, twice.input(0), "a reshape of a reshape is one reshape");
    }

    @Test
    void identitiesThatWouldChangeTheShapeAreNotApplied() {
        Node zeros = g.zeros(DType.F64, 4, 1, 1, 1);
        Node sum = x.add(zeros);
        assertEquals(Shape.of(4, Shape.BATCH, 2, 3), sum.shape());
        assertNotSame(x, sum);
        assertEquals(Shape.of(Shape.BATCH, 2, 3), x.mul(g.constant(Tensor.filled(1, 2, 1), DType.F64)).shape());
    }

    @Test
    void topologicalOrderVisitsOnlyLiveNodesInputsFirst() {
        Node used = x.exp().add(y);
        Node dead = x.sin().mul(y);
        List<Node> order = Graph.topologicalOrder(List.of(used));
        assertFalse(order.contains(dead));
        assertFalse(order.contains(dead.input(0)));
        assertEquals(List.of(x, y, x.exp(), used), order);
        assertTrue(g.size() > order.size(), "dead nodes exist in the graph but are not visited");
        for (Node n : order) for (Node in : n.inputs()) assertTrue(order.indexOf(in) < order.indexOf(n));
    }

    @Test
    void shapeErrorsAreIllegalArgumentsNamingTheOp() {
        Node m = g.input("m", DType.F64, 4, 5);
        assertRejected("MatMul", "inner dimensions", () -> x.matmul(m));
        assertRejected("Reshape", "cannot reshape", () -> x.reshape(12), "the batch cannot be dropped");
        assertRejected("Reshape", "cannot reshape", () -> x.reshape(2, Shape.BATCH, 3), "the batch cannot move");
        assertRejected("Reshape", "cannot reshape", () -> x.reshape(Shape.BATCH, 5));
        assertRejected("Concat", "batch axis", () -> Node.concat(0, x, y));
        assertRejected("Concat", "differ off the axis", () -> Node.concat(1, x, g.input("z", DType.F64, Shape.BATCH, 2, 4)));
        assertRejected("Concat", "ranks differ", () -> Node.concat(1, x, m));
        assertRejected("Add", "do not broadcast", () -> x.add(m));
        assertRejected("Add", "float inputs of one type", () -> x.add(g.scalar(0, DType.F32)));
        assertRejected("Transpose", "does not fit", () -> x.transpose(0, 1),
                "an identity-looking permutation of the wrong rank");
        assertRejected("Slice", "static axes", () -> x.slice(0, 0, 1));
        assertRejected("Slice", "outside axis", () -> x.slice(1, 0, 3));
        assertRejected("Gather", "outside axis", () -> x.gather(1, 2));
        assertRejected("ScatterAdd", "must have", () -> x.scatterAdd(1, 4, 0, 1, 2));
        assertRejected("Where", "boolean", () -> x.where(x, y));
        assertRejected("Exp", "float", () -> x.gt(y).exp());
        assertThrows(IllegalArgumentException.class, () -> Autodiff.grad(x, List.of(x)),
                "grad of a non-scalar needs a cotangent");
    }

    private static void assertRejected(String op, String reason, Executable build) { assertRejected(op, reason, build, ""); }

    private static void assertRejected(String op, String reason, Executable build, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, why);
        assertTrue(e.getMessage().startsWith(op) && e.getMessage().contains(reason),
                "expected '" + op + ": …" + reason + "…', got '" + e.getMessage() + "' " + why);
    }

    @Test
    void meanOverTheBatchCountsTheBoundBatchSize() {
        Node mean = x.mean(0).sumAll();
        Node grad = Autodiff.grad(mean, List.of(x)).get(0);
        for (int n : new int[] {1, 4, 7}) {
            Tensor xv = RandomTensors.gaussian(new java.util.Random(n), n, 2, 3);
            List<Tensor> out = Interpreter.run(List.of(mean, grad), Map.of("x", xv));
            double sum = 0;
            for (double v : xv.data()) sum += v;
            assertEquals(sum / n, out.get(0).item(), 1e-12);
            assertTrue(out.get(1).isAll(1.0 / n), "the VJP divides by the run-time batch size " + n);
        }
    }
}
