using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyResponseLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Follow-ups were only ever opened by responses; one without its response (none exist before this) has nothing to follow up.
            migrationBuilder.Sql("DELETE FROM survey_followups f WHERE NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r.id = f.response_id);");
            migrationBuilder.AddForeignKey(
                name: "fk_survey_followups_survey_responses_response_id",
                table: "survey_followups",
                column: "response_id",
                principalTable: "survey_responses",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_survey_followups_survey_responses_response_id",
                table: "survey_followups");
        }
    }
}
