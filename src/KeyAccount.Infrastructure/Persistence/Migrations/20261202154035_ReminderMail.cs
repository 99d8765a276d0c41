using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReminderMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "mailed_at",
                table: "reminders",
                type: "timestamp with time zone",
                nullable: true);

            // Reminders from before mail existed were seen in the app; they are not mailed now.
            migrationBuilder.Sql("UPDATE reminders SET mailed_at = created_at");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_not_mailed",
                table: "reminders",
                column: "created_at",
                filter: "mailed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reminders_not_mailed",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "mailed_at",
                table: "reminders");
        }
    }
}
