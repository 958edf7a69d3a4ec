package rnnlab.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The network of exercise K as a DJL block: one recurrent layer and a linear output layer
 * without bias, what PyTorch writes as {@code nn.LSTM} followed by
 * {@code nn.Linear(bias=False)}.
 *
 * <pre>
 * x        (batch, time, vocabularySize)   one-hot inputs, batch first
 * h        (batch, time, hiddenSize)       h_t of the recurrent layer, from h_0 = c_0 = 0
 * logits   (batch, time, vocabularySize)   W_v h_t
 * </pre>
 *
 * <p>The output has no bias by design, although the hand-written LSTM adds b_v. The block
 * returns logits, not probabilities: the softmax belongs to the loss, which takes the log of
 * the softmax in one stable step.
 */
public final class DjlNetwork extends AbstractBlock {

    /** The hidden size the lab uses by default. */
    public static final int DEFAULT_HIDDEN_SIZE = 50;

    private static final byte VERSION = 1;

    private final CellType cellType;
    private final int vocabularySize;
    private final int hiddenSize;
    private final RecurrentBlock recurrentLayer;
    private final Linear outputLayer;

    /**
     * Creates the layers. Their weights get shapes and values when the block is initialized.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public DjlNetwork(CellType cellType, int vocabularySize, int hiddenSize) {
        super(VERSION);
        if (vocabularySize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("network sizes: expected vocabularySize and"
                    + " hiddenSize of at least 1 but were " + vocabularySize + " and "
                    + hiddenSize);
        }
        this.cellType = cellType;
        this.vocabularySize = vocabularySize;
        this.hiddenSize = hiddenSize;
        this.recurrentLayer = addChildBlock("recurrent", cellType == CellType.GRU
                ? newGruLayer(hiddenSize) : newLstmLayer(hiddenSize));
        this.outputLayer = addChildBlock("output", newOutputLayer(vocabularySize));
    }

    /** Builds one LSTM layer that reads (batch, time, feature) input and returns every h_t. */
    static RecurrentBlock newLstmLayer(int hiddenSize) {
        // BEGIN EXERCISE K: one LSTM layer with state size hiddenSize that reads batch-first
        //     input: LSTM.builder() with setStateSize, setNumLayers(1) and optBatchFirst(true).
        return LSTM.builder()
                .setStateSize(hiddenSize)
                .setNumLayers(1)
                .optBatchFirst(true)
                .build();
        // END EXERCISE K
    }

    /** Builds one GRU layer that reads (batch, time, feature) input and returns every h_t. */
    static RecurrentBlock newGruLayer(int hiddenSize) {
        // BEGIN EXERCISE M: the same as the LSTM layer, with GRU.builder().
        return GRU.builder()
                .setStateSize(hiddenSize)
                .setNumLayers(1)
                .optBatchFirst(true)
                .build();
        // END EXERCISE M
    }

    /** Builds the output layer: logits W_v h_t, vocabularySize units, no bias. */
    static Linear newOutputLayer(int vocabularySize) {
        // BEGIN EXERCISE K: a Linear layer of vocabularySize units without bias:
        //     Linear.builder() with setUnits and optBias(false).
        return Linear.builder()
                .setUnits(vocabularySize)
                .optBias(false)
                .build();
        // END EXERCISE K
    }

    /** Returns the shape of a batch of one-hot sequences: (batch, time, vocabularySize). */
    public Shape inputShape(int batchSize, int steps) {
        return new Shape(batchSize, steps, vocabularySize);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        requireInputShape(inputs.head().getShape());
        // BEGIN EXERCISE K: run the recurrent layer on the inputs, then the output layer on its
        //     result, passing parameterStore, training and params through; return the logits.
        NDList hidden = recurrentLayer.forward(parameterStore, inputs, training, params);
        return outputLayer.forward(parameterStore, hidden, training, params);
        // END EXERCISE K
    }

    private void requireInputShape(Shape shape) {
        if (shape.dimension() != 3 || shape.get(2) != vocabularySize) {
            throw new IllegalArgumentException("inputs: expected (batch, time, " + vocabularySize
                    + ") but was " + shape);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return outputLayer.getOutputShapes(recurrentLayer.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        recurrentLayer.initialize(manager, dataType, inputShapes);
        outputLayer.initialize(manager, dataType, recurrentLayer.getOutputShapes(inputShapes));
    }

    public CellType cellType() {
        return cellType;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /**
     * Returns the recurrent layer. Its weights use PyTorch's layout, listed in the package
     * documentation: for the LSTM, {@code l_0_i2h_WEIGHT} (4H×V) acts on x_t and
     * {@code l_0_h2h_WEIGHT} (4H×H) on h_{t-1}, with the gates stacked in the order i, f, g, o.
     */
    public RecurrentBlock recurrentLayer() {
        return recurrentLayer;
    }

    /** Returns the output layer: its one weight, {@code weight}, is W_v (V×H). */
    public Linear outputLayer() {
        return outputLayer;
    }

    @Override
    public String toString() {
        return "DjlNetwork(" + cellType + ", vocabularySize " + vocabularySize + ", hiddenSize "
                + hiddenSize + ")";
    }
}
