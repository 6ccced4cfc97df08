namespace Stillpoint.Web.FollowUp;

/// <summary>
/// The words of reminders. Neutral on purpose: the same text goes to email (not a private channel), so it never names
/// a questionnaire, a score, an answer or a treatment; it only says something is waiting in the portal.
/// </summary>
internal static class ReminderText
{
    public const string QuestionnaireTitle = "A questionnaire is ready for you";

    public const string SessionTitle = "Your appointment is tomorrow";

    public static string Questionnaire(DateTimeOffset due) =>
        $"Please sign in to Stillpoint and complete it by {At(due)}.";

    public static string Session(DateTimeOffset at) =>
        $"Your appointment is on {At(at)}. Please sign in to Stillpoint to see how to prepare.";

    public static string At(DateTimeOffset at) => ScheduleFormat.At(at) + " UTC";
}
