using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyResponseRatingCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rating_answers",
                table: "survey_responses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "satisfied_ratings",
                table: "survey_responses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Responses recorded before: their counts from the groups their Rating answers stored.
            migrationBuilder.Sql("""
                UPDATE survey_responses r
                SET rating_answers = g.ratings, satisfied_ratings = g.satisfied
                FROM (SELECT response_id, count(*)::int AS ratings, (count(*) FILTER (WHERE rating_group = 'Satisfied'))::int AS satisfied
                      FROM survey_answers WHERE rating_group IS NOT NULL GROUP BY response_id) g
                WHERE g.response_id = r.id
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_survey_responses_ratings",
                table: "survey_responses",
                sql: "satisfied_ratings BETWEEN 0 AND rating_answers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_survey_responses_ratings",
                table: "survey_responses");

            migrationBuilder.DropColumn(
                name: "rating_answers",
                table: "survey_responses");

            migrationBuilder.DropColumn(
                name: "satisfied_ratings",
                table: "survey_responses");
        }
    }
}
