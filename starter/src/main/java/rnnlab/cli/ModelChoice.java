package rnnlab.cli;

import java.util.List;

/** The values of {@code --model}. */
public enum ModelChoice {
    /** The hand-written vanilla RNN. */
    rnn,
    /** The hand-written LSTM. */
    lstm,
    /** The LSTM built with DJL on its PyTorch engine. */
    djl,
    /** The same DJL network with a GRU layer (optional exercise M). */
    gru,
    /** The RNN, the LSTM and the DJL LSTM, with a comparison plot. */
    all;

    /** Returns the single models this choice trains, in order. */
    List<ModelChoice> models() {
        return this == all ? List.of(rnn, lstm, djl) : List.of(this);
    }
}
