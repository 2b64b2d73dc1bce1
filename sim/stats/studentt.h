#pragma once

namespace topolab::sim {

// Quantiles of the Student t and normal distributions, for the confidence intervals of simulation
// results. Computed (incomplete beta function inverted by Newton's method), not tabulated: they
// hold to 1e-13 relative up to 1000 dof (checked against 30-digit values) and 1e-11 beyond.

// Two-sided Student-t quantile: the t such that P(|T_dof| <= t) = confidence. dof >= 1 (NaN
// otherwise); 0 for confidence <= 0 and +infinity for confidence >= 1.
double studentTQuantile(double confidence, int dof);

// P(T_dof <= t), the Student-t distribution function. dof >= 1 (NaN otherwise).
double studentTCdf(double t, int dof);

// Two-sided standard normal quantile: the z such that P(|Z| <= z) = confidence; the limit of
// studentTQuantile for infinite dof. 0 for confidence <= 0 and +infinity for confidence >= 1.
double normalQuantile(double confidence);

// I_x(a, b), the regularized incomplete beta function, for a, b > 0 and x in [0, 1].
double regularizedIncompleteBeta(double a, double b, double x);

} // namespace topolab::sim
