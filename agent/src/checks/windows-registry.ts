// Reading registry values in a PowerShell report: a missing key or value is simply
// absent from the object (never an error), and every value is printed as text.
/** Defines `Read-Values $path $names` → an object holding those of the values that exist. */
export const READ_VALUES_FUNCTION = 'function Read-Values($path, $names) {'
  + ' $item = Get-ItemProperty -LiteralPath $path -ErrorAction SilentlyContinue; $values = [ordered]@{};'
  + ' foreach ($name in $names) { if ($item -and $null -ne $item.$name) { $values[$name] = [string]$item.$name } };'
  + ' [pscustomobject]$values }';
