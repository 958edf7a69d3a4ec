package rnnlab.djl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.Inputs;
import rnnlab.model.LossAndGradients;
import rnnlab.model.Losses;
import rnnlab.model.ParameterSet;
import rnnlab.model.SequenceModel;

/**
 * A {@link DjlNetwork} with its weights, seen as a {@link SequenceModel}, so that the lab's
 * evaluation and greedy generation run on it unchanged.
 *
 * <p>The weights live in native memory that the PyTorch engine manages, so the model must be
 * closed, best in a try-with-resources block. Training goes through {@link DjlTraining}, not
 * through {@link #lossAndGradients}, because DJL computes the gradients itself.
 */
public final class DjlSequenceModel implements SequenceModel, AutoCloseable {

    /** The DJL engine that runs the network. */
    public static final String ENGINE = "PyTorch";

    /** DJL's system property for PyTorch's intra-op thread count, read once at engine load. */
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private final Model model;
    private final DjlNetwork network;

    private DjlSequenceModel(Model model, DjlNetwork network) {
        this.model = model;
        this.network = network;
    }

    /**
     * Loads the PyTorch engine, with one intra-op thread unless the system property
     * {@code ai.djl.pytorch.num_threads} sets another count. The lab's matrices are so small
     * (50×54 for the gates) that splitting each product across threads costs more than it
     * saves. On a 2-core x86-64 machine, {@code DjlEpochBenchmark} measured an epoch of the
     * default data at 0.18 s on one thread and 0.31 s on two.
     *
     * <p>NOTE: the thread count takes effect only if this is the first use of the engine in
     * the JVM; after that the property is ignored.
     *
     * @return the engine
     * @throws ai.djl.engine.EngineException if the PyTorch native library cannot be loaded
     * @throws IllegalArgumentException if the PyTorch engine is not on the class path
     */
    public static Engine loadEngine() {
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, "1");
        }
        return Engine.getEngine(ENGINE);
    }

    /**
     * Creates a network with PyTorch's default initial weights: every weight and bias of both
     * layers drawn from U(-1/√H, 1/√H).
     *
     * @param seed seeds the engine's random generator, which is global to the engine
     * @throws IllegalArgumentException if a size is below 1
     * @throws ai.djl.engine.EngineException if the PyTorch native library cannot be loaded
     */
    public static DjlSequenceModel create(CellType cellType, int vocabularySize, int hiddenSize,
            long seed) {
        DjlNetwork network = new DjlNetwork(cellType, vocabularySize, hiddenSize);
        Engine engine = loadEngine();
        Model model = engine.newModel(cellType.modelName(), Device.cpu());
        try {
            model.setBlock(network);
            engine.setRandomSeed(Long.hashCode(seed));
            float bound = (float) (1 / Math.sqrt(hiddenSize));
            network.setInitializer(new UniformInitializer(bound), parameter -> true);
            network.initialize(model.getNDManager(), DataType.FLOAT32,
                    network.inputShape(1, 1));
            return new DjlSequenceModel(model, network);
        } catch (RuntimeException failure) {
            model.close();
            throw failure;
        }
    }

    @Override
    public String name() {
        return network.cellType().modelName();
    }

    @Override
    public int vocabularySize() {
        return network.vocabularySize();
    }

    /** Returns the block, whose parameters are the live weights. */
    public DjlNetwork network() {
        return network;
    }

    /** Returns the DJL model that owns the weights, for creating a trainer. */
    public Model model() {
        return model;
    }

    /**
     * Returns a copy of the weights as EJML matrices, in DJL's parameter order and with DJL's
     * names. A bias of length n becomes an n×1 column.
     *
     * <p>Unlike the hand-written models' sets, the copy is not live. The model keeps its weights
     * in native memory, so changing the copy changes nothing.
     */
    @Override
    public ParameterSet parameters() {
        List<String> names = new ArrayList<>();
        List<DMatrixRMaj> matrices = new ArrayList<>();
        for (Pair<String, Parameter> entry : network.getParameters()) {
            names.add(entry.getKey());
            matrices.add(toMatrix(entry.getValue().getArray()));
        }
        return new WeightCopies(List.copyOf(names), List.copyOf(matrices));
    }

    private static DMatrixRMaj toMatrix(NDArray array) {
        Shape shape = array.getShape();
        int rows = (int) shape.get(0);
        int cols = shape.dimension() > 1 ? (int) shape.get(1) : 1;
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        float[] values = array.toFloatArray();
        for (int k = 0; k < values.length; k++) {
            matrix.data[k] = values[k];
        }
        return matrix;
    }

    /** Copies of the weights, with their names. */
    private record WeightCopies(List<String> names, List<DMatrixRMaj> matrices)
            implements ParameterSet {
    }

    /**
     * Runs the forward pass in float32 and applies the softmax.
     *
     * @param inputs one vocabularySize×1 vector per time step, not modified
     * @return the softmax output of each time step, vocabularySize×1
     * @throws IllegalArgumentException naming the first input step with the wrong shape
     */
    @Override
    public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
        Inputs.require(inputs, vocabularySize());
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray x = SequenceArrays.inputs(scope, inputs, vocabularySize());
            return SequenceArrays.columns(logits(x).softmax(-1));
        }
    }

    /**
     * Returns the loss of one sequence, Σ_t -ln y_t[target_t], computed by DJL's softmax
     * cross-entropy from the logits.
     */
    @Override
    public double loss(List<DMatrixRMaj> inputs, int[] targets) {
        Inputs.require(inputs, vocabularySize());
        Losses.requireTargets(targets, inputs.size(), vocabularySize());
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray x = SequenceArrays.inputs(scope, inputs, vocabularySize());
            NDArray y = SequenceArrays.targets(scope, targets);
            return DjlTraining.sequenceLoss(new SoftmaxCrossEntropyLoss(), logits(x), y)
                    .getFloat();
        }
    }

    /**
     * Always fails, because DJL computes gradients inside its own training loop.
     *
     * @throws UnsupportedOperationException always: train with {@link DjlTraining#train}
     */
    @Override
    public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
        throw new UnsupportedOperationException("the " + name() + " model computes its gradients"
                + " inside DJL; train it with DjlTraining.train, not with Trainer.train");
    }

    /**
     * Runs the network without recording gradients. The result is attached to the manager of
     * the input, so closing that manager frees it.
     *
     * @param inputs (batch, time, vocabularySize)
     * @return logits, (batch, time, vocabularySize)
     */
    NDArray logits(NDArray inputs) {
        ParameterStore parameterStore = new ParameterStore(inputs.getManager(), false);
        return network.forward(parameterStore, new NDList(inputs), false).singletonOrThrow();
    }

    /** Frees the native memory of the weights; the model cannot be used afterwards. */
    @Override
    public void close() {
        model.close();
    }
}
