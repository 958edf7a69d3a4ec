package rnnlab.djl;

/** The recurrent layer of the DJL network: the LSTM of exercise K, or the GRU of exercise M. */
public enum CellType {

    /** Long short-term memory: forget, input and output gates, a candidate and a cell state. */
    LSTM("djl"),

    /** Gated recurrent unit: reset and update gates, no separate cell state. */
    GRU("gru");

    private final String modelName;

    CellType(String modelName) {
        this.modelName = modelName;
    }

    /** Returns the model's short name for reports and plot files: {@code djl} or {@code gru}. */
    public String modelName() {
        return modelName;
    }
}
