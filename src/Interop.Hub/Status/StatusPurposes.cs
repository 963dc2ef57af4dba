namespace Interop.Hub.JongereStatus;

/// <summary>The purposes (doelbinding) under which the status service processes data on its own account.</summary>
internal static class StatusPurposes
{
    /// <summary>
    /// Registering an involvement (betrokkenheid, a Verwijsindex signal): RegisterInvolvement names no purpose, so
    /// the basis it names is checked for this one.
    /// </summary>
    public const string RegisterInvolvement = "signalering-betrokkenheid";
}
