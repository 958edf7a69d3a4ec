package rnnlab.cli;

/**
 * The training settings each hand-written model uses when the command line does not set them.
 *
 * @param epochs the number of passes over the training sequences
 * @param learningRate the SGD step size
 */
record ModelDefaults(int epochs, double learningRate) {

    /** RNN: SGD at 0.01 for 100 epochs. */
    static final ModelDefaults RNN = new ModelDefaults(100, 0.01);

    /** LSTM: SGD at 0.1 for 50 epochs. */
    static final ModelDefaults LSTM = new ModelDefaults(50, 0.1);
}
