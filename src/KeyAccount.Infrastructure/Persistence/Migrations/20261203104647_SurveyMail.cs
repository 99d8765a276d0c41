using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mail_queued_at",
                table: "survey_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_due_at",
                table: "survey_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_reminder_due",
                table: "survey_invitations",
                column: "reminder_due_at",
                filter: "reminder_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_to_mail",
                table: "survey_invitations",
                columns: new[] { "created_at", "id" },
                filter: "mail_queued_at IS NULL AND status = 'Pending' AND channel = 'Email'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_survey_invitations_reminder_due",
                table: "survey_invitations");

            migrationBuilder.DropIndex(
                name: "ix_survey_invitations_to_mail",
                table: "survey_invitations");

            migrationBuilder.DropColumn(
                name: "mail_queued_at",
                table: "survey_invitations");

            migrationBuilder.DropColumn(
                name: "reminder_due_at",
                table: "survey_invitations");
        }
    }
}
