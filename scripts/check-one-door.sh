#!/usr/bin/env bash
# One door into tenant data (issue 18; docs/TENANCY.md):
#   write   controllers/, workers/ and tasks/ do not write tenant entities
#           themselves (ActiveModel, insert/update/delete, save); they call a
#           model operation.
#   filter  `workspace_id` is filtered only by the tenancy module: queries
#           use `.in_tenant(id)`, other conditions `tenancy::in_workspace`.
#           A hand-written `WorkspaceId.eq(` / `WorkspaceId.is_in(` or a raw
#           SQL `workspace_id =` anywhere else in src/ fails.
# Prints `file:line: rule: what` per violation and exits 1 if there is any.
#
#   scripts/check-one-door.sh              check this tree's src/
#   scripts/check-one-door.sh --root DIR   check DIR/src/
#   scripts/check-one-door.sh --self-test  prove the check fails when it should
set -euo pipefail

# Exceptions: "path (a file, or a folder ending in /) | rule | reason".
# Every entry needs a reason; keep this list short.
ALLOW=(
  "src/models/tenancy.rs|filter|the tenancy module: the one place the workspace filter is written"
  "src/models/_entities/|filter|generated entities declare the workspace_id column"
)

# Folders whose files must not write tenant entities (rule `write`).
DOORS="src/controllers/ src/workers/ src/tasks/"

# Prints the violations under $1/src, one per line, allow-list applied.
violations() {
  local root=$1
  # Tenant entities: every generated entity with a workspace_id column, and
  # every model module that implements TenantEntity (it may re-export one
  # under its own name, as `billing` does `billing_accounts`).
  local tenants
  tenants=$(
    {
      grep -l 'pub workspace_id' "$root"/src/models/_entities/*.rs 2>/dev/null || true
      grep -rl 'impl TenantEntity for' "$root"/src/models 2>/dev/null || true
    } | awk '{ n = split($0, p, "/"); f = p[n]; sub(/\.rs$/, "", f);
               if (f == "mod") f = p[n - 1]; printf "%s ", f }'
  )
  local allow
  allow=$(printf '%s\n' "${ALLOW[@]}" | cut -d'|' -f1,2)
  (cd "$root" && find src -name '*.rs' -print | LC_ALL=C sort) |
    (cd "$root" && xargs awk -v tenants="$tenants" -v doors="$DOORS" -v allow="$allow" "$AWK_CHECK") ||
    return 1
}

# The scanner. Each line is split into its code (string literals blanked,
# comments dropped) and the text of its string literals, so prose in
# comments is never flagged and SQL is looked for only inside strings.
AWK_CHECK=$(cat <<'AWK'
function starts_with(s, prefix) { return substr(s, 1, length(prefix)) == prefix }
function allowed(file, rule,    i, parts) {
  for (i = 1; i <= n_allow; i++) {
    split(allow_list[i], parts, "|")
    if (parts[2] != rule) continue
    if (parts[1] == file || (parts[1] ~ /\/$/ && starts_with(file, parts[1]))) return 1
  }
  return 0
}
function report(rule, what) {
  if (!allowed(FILENAME, rule)) { print FILENAME ":" FNR ": " rule ": " what; found++ }
}
# Splits $0 into `code` and `strs`, carrying open strings and block
# comments over to the next line.
function split_line(line,    i, c, n) {
  code = ""; strs = ""; n = length(line)
  for (i = 1; i <= n; i++) {
    c = substr(line, i, 1)
    if (in_block) {
      if (substr(line, i, 2) == "*/") { in_block = 0; i++ }
      continue
    }
    if (in_str) {
      if (raw_end == "" && c == "\\") { strs = strs substr(line, i, 2); i++; continue }
      if (raw_end == "" && c == "\"") { in_str = 0; code = code "\"\""; strs = strs "\001"; continue }
      if (raw_end != "" && substr(line, i, length(raw_end)) == raw_end) {
        in_str = 0; i += length(raw_end) - 1; code = code "\"\""; strs = strs "\001"; continue
      }
      strs = strs c
      continue
    }
    if (substr(line, i, 2) == "//") break
    if (substr(line, i, 2) == "/*") { in_block = 1; i++; continue }
    if (c == "\"") { in_str = 1; raw_end = ""; continue }
    if (c == "r" && match(substr(line, i), /^r#*"/) && (i == 1 || substr(line, i - 1, 1) !~ /[A-Za-z0-9_]/)) {
      in_str = 1; raw_end = "\"" substr(line, i + 1, RLENGTH - 2); i += RLENGTH - 1; continue
    }
    # Character literals that would open a string: '"', and escapes.
    if (c == "\047" && substr(line, i, 3) ~ /^\047.\047$/) { code = code "\047 \047"; i += 2; continue }
    if (c == "\047" && substr(line, i, 4) ~ /^\047\\.\047$/) { code = code "\047 \047"; i += 3; continue }
    code = code c
  }
  if (in_str) strs = strs "\n"
}
# The module right before `::Entity::` / `::ActiveModel` at position p of
# code ("" when unqualified).
function qualifier(s, p,    head) {
  head = substr(s, 1, p - 1)
  if (head !~ /::$/) return ""
  sub(/::$/, "", head)
  if (match(head, /[A-Za-z0-9_]+$/)) return substr(head, RSTART)
  return ""
}
function is_tenant(name) { return name == "" || (name in tenant) }
function check_writes(s,    rest, p, q, at, next_at, call) {
  # ActiveModel of a tenant entity: built, converted or named.
  rest = s; p = 0
  while (match(rest, /ActiveModel([^A-Za-z0-9_]|$)/)) {
    at = p + RSTART; next_at = RSTART + RLENGTH
    q = qualifier(s, at)
    if (substr(s, at - 1, 1) !~ /[A-Za-z0-9_]/ && is_tenant(q)) {
      report("write", "builds a tenant ActiveModel (" (q == "" ? "" : q "::") "ActiveModel); call a model operation")
      break
    }
    p += next_at - 1; rest = substr(rest, next_at)
  }
  # Entity-level writes.
  rest = s; p = 0
  while (match(rest, /Entity::(insert|insert_many|update|update_many|delete|delete_many|delete_by_id)[^A-Za-z0-9_]/)) {
    at = p + RSTART; next_at = RSTART + RLENGTH; call = substr(rest, RSTART, RLENGTH - 1)
    q = qualifier(s, at)
    if (substr(s, at - 1, 1) !~ /[A-Za-z0-9_]/ && is_tenant(q)) {
      report("write", "writes a tenant entity (" (q == "" ? "" : q "::") call "); call a model operation")
      break
    }
    p += next_at - 1; rest = substr(rest, next_at)
  }
  if (s ~ /\.save[[:space:]]*\(/) report("write", "saves an ActiveModel (.save); call a model operation")
  if (s ~ /\.[a-z_][a-z0-9_]*[[:space:]]*=[[:space:]]*(ActiveValue::)?(Set|NotSet|Unchanged)[[:space:]]*\(/)
    report("write", "sets an ActiveModel field; call a model operation")
  # into_active_model() kept in a variable, or written straight away
  # (a model operation called on it, such as confirm_email, is fine).
  if (pending_active) {
    pending_active = 0
    if (s ~ /^[[:space:]]*(;|\.(insert|update|delete|save)[[:space:]]*\()/) report_at(pending_line, "write", active_what)
  }
  if (match(s, /\.into_active_model[[:space:]]*\([[:space:]]*\)/)) {
    rest = substr(s, RSTART + RLENGTH)
    if (rest ~ /^[[:space:]]*(;|\.(insert|update|delete|save)[[:space:]]*\()/) report("write", active_what)
    else if (rest ~ /^[[:space:]]*$/) { pending_active = 1; pending_line = FNR }
  }
}
function report_at(line, rule, what) {
  if (!allowed(FILENAME, rule)) { print FILENAME ":" line ": " rule ": " what; found++ }
}
function check_filters(s, text, lower) {
  if (s ~ /WorkspaceId[)]*[[:space:]]*\.(eq|is_in)[[:space:]]*\(/ ||
      (prev_code ~ /WorkspaceId[)]*[[:space:]]*$/ && s ~ /^[[:space:]]*\.(eq|is_in)[[:space:]]*\(/))
    report("filter", "filters WorkspaceId by hand; use .in_tenant(id) or tenancy::in_workspace")
  lower = tolower(text)
  if (lower ~ /workspace_id[\\"`]*[[:space:]]*(=|<>|!=|in[[:space:]]*\(|in[[:space:]]*$|is[[:space:]])/)
    report("filter", "filters workspace_id in SQL; use .in_tenant(id) or tenancy::in_workspace")
}
BEGIN {
  n_allow = split(allow, allow_list, "\n")
  n = split(tenants, names, " "); for (i = 1; i <= n; i++) tenant[names[i]] = 1
  n_doors = split(doors, door_list, " ")
  active_what = "keeps or writes an ActiveModel (into_active_model); call a model operation"
}
FNR == 1 {
  in_str = 0; in_block = 0; pending_active = 0; prev_code = ""
  is_door = 0
  for (i = 1; i <= n_doors; i++) if (starts_with(FILENAME, door_list[i])) is_door = 1
}
{
  split_line($0)
  if (is_door) check_writes(code)
  check_filters(code, strs)
  if (code !~ /^[[:space:]]*$/) prev_code = code
}
END { exit found > 0 }
AWK
)

# Copies src/ to a temporary tree, checks the clean copy passes, injects one
# violation of each kind (and lines that must not count) and checks that
# exactly the violations are reported.
self_test() {
  local here tmp out status=0
  here=$(pwd)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  cp -R "$here/src" "$tmp/src"
  if ! out=$(violations "$tmp"); then
    echo "self-test: the clean copy of src/ fails:"; echo "$out"; return 1
  fi

  # Each injected line ends with `// expect: RULE`; lines without it must
  # not be reported.
  cat >"$tmp/src/controllers/one_door_self_test.rs" <<'EOF'
fn injected() {
    let row = expenses::ActiveModel { ..Default::default() }; // expect: write
    expenses::Entity::insert_many(rows).exec(db).await?; // expect: write
    budgets::budgets::Entity::delete_many().exec(db).await?; // expect: write
    Entity::insert(row).exec(db).await?; // expect: write
    row.save(db).await?; // expect: write
    let mut active = category.into_active_model(); // expect: write
    active.name = Set(name); // expect: write
    category
        .into_active_model() // expect: write
        .update(db)
        .await?;
    let user = user.into_active_model().confirm_email(db).await?;
    let user = user
        .into_active_model()
        .start_password_reset(db)
        .await?;
    let budget = budget.update(&member.db, &member.actor(), &params).await?;
    map.insert("page".to_string(), value);
    req.extensions_mut().insert(visitor);
    let row = users::ActiveModel { ..Default::default() };
    // expenses::ActiveModel { in a comment is not code
    let s = "expenses::Entity::delete_many() in a string is not code";
}
EOF
  cat >"$tmp/src/workers/one_door_self_test.rs" <<'EOF'
fn injected() {
    receipts::Entity::delete_by_id(id).exec(db).await?; // expect: write
    settlements::ActiveModel::from(model).insert(db).await?; // expect: write
}
EOF
  cat >"$tmp/src/tasks/one_door_self_test.rs" <<'EOF'
fn injected() {
    billing::Entity::update_many().exec(db).await?; // expect: write
    let row: expense_tags::ActiveModel = model.into(); // expect: write
}
EOF
  cat >"$tmp/src/models/one_door_self_test.rs" <<'EOF'
fn injected() {
    let q = expenses::Entity::find().filter(expenses::Column::WorkspaceId.eq(id)); // expect: filter
    let q = q.filter(budgets::Column::WorkspaceId.is_in(ids)); // expect: filter
    let q = q.and_where(Expr::col(receipts::Column::WorkspaceId).eq(id)); // expect: filter
    let q = q.filter(
        categories::Column::WorkspaceId
            .eq(workspace_id), // expect: filter
    );
    let sql = "SELECT id FROM expenses WHERE workspace_id = $1"; // expect: filter
    let sql = r#"DELETE FROM "tags" WHERE "workspace_id" IN (1, 2)"#; // expect: filter
    let sql = "SELECT id FROM expenses
               WHERE deleted_at IS NULL AND e.workspace_id = ?"; // expect: filter
    // workspace_id = 3 in a comment is prose
    let workspace_id = 3;
    active.workspace_id = Set(workspace_id);
    params(("workspace_id" = Uuid, Path, description = "The workspace"));
    let url = format!("/w/{workspace_id}/expenses");
    let q = expenses::Entity::find().in_tenant(workspace_id);
}
EOF
  # Rule `write` holds only for controllers, workers and tasks.
  echo 'fn model() { expenses::ActiveModel { ..Default::default() }; }' \
    >"$tmp/src/models/one_door_self_test_write.rs"

  local expected actual
  expected=$(cd "$tmp" && grep -n '// expect: ' src/*/one_door_self_test.rs |
    sed -E 's/^([^:]+:[0-9]+):.*expect: ([a-z]+).*/\1: \2/' | LC_ALL=C sort)
  if out=$(violations "$tmp"); then
    echo "self-test: the check passed a tree with violations"; status=1
  fi
  actual=$(echo "$out" | sed -E 's/^([^:]+:[0-9]+: [a-z]+):.*/\1/' | LC_ALL=C sort)
  if [[ "$actual" != "$expected" ]]; then
    echo "self-test: reported violations differ from the injected ones (< expected, > reported):"
    diff <(echo "$expected") <(echo "$actual") || true
    status=1
  fi
  if ((status == 0)); then
    echo "check-one-door self-test: clean copy passed; $(echo "$expected" | wc -l) injected violations reported, nothing else"
  fi
  return "$status"
}

for entry in "${ALLOW[@]}"; do
  if [[ ! "$entry" =~ ^[^|]+\|(write|filter)\|.*[^[:space:]] ]]; then
    echo "check-one-door: allow-list entry needs a path, a rule (write or filter) and a reason: $entry" >&2
    exit 2
  fi
done

cd "$(dirname "$0")/.."
case "${1:-}" in
  --self-test) self_test ;;
  --root) violations "${2:?--root needs a directory}" ;;
  "")
    if ! out=$(violations .); then
      echo "$out"
      echo "check-one-door: tenant rows are written or filtered outside their door (see the top of scripts/check-one-door.sh)"
      exit 1
    fi
    ;;
  *) echo "usage: $0 [--self-test | --root DIR]" >&2; exit 2 ;;
esac
