package rnnlab.model;

/**
 * The loss of one sequence and its exact gradient with respect to every parameter.
 *
 * @param loss the sum over time steps of {@code -ln y_t[target_t]}
 * @param gradients the derivative of that loss, before any clipping
 */
public record LossAndGradients(double loss, ParameterSet gradients) {
}
