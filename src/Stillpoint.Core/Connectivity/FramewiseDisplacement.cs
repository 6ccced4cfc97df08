namespace Stillpoint.Core.Connectivity;

/// <summary>Column order of a six-parameter rigid-body motion file.</summary>
public enum MotionParameterOrder
{
    /// <summary>x, y, z translations (mm) then rotations (radians) — fMRIPrep, SPM.</summary>
    TranslationsThenRotations,

    /// <summary>Rotations (radians) then translations (mm) — FSL MCFLIRT .par files.</summary>
    RotationsThenTranslations,
}

/// <summary>Framewise displacement after Power et al. (2012).</summary>
public static class FramewiseDisplacement
{
    /// <summary>Rotations become arc lengths on a sphere of this radius, roughly a head.</summary>
    public const double DefaultHeadRadiusMm = 50;

    /// <summary>
    /// FD(t) = Σ|Δtranslation| + r·Σ|Δrotation|, with FD(0) = 0 since the first frame has no predecessor.
    /// </summary>
    public static FramewiseDisplacementSeries FromMotionParameters(
        ConfoundSet motion, MotionParameterOrder order, double headRadiusMm = DefaultHeadRadiusMm)
    {
        ArgumentNullException.ThrowIfNull(motion);
        if (motion.ColumnCount != 6)
        {
            throw new ArgumentException("Six motion parameters are required.", nameof(motion));
        }

        var rotationStart = order == MotionParameterOrder.TranslationsThenRotations ? 3 : 0;
        var fd = new double[motion.TimePointCount];
        for (var column = 0; column < 6; column++)
        {
            var scale = column >= rotationStart && column < rotationStart + 3 ? headRadiusMm : 1;
            var values = motion.Column(column);
            for (var t = 1; t < fd.Length; t++)
            {
                fd[t] += scale * Math.Abs(values[t] - values[t - 1]);
            }
        }

        return new FramewiseDisplacementSeries(fd);
    }
}
