using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DecisionReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Why",
                table: "Decisions",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Other"); // decisions made before reasons had kinds
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Why",
                table: "Decisions");
        }
    }
}
