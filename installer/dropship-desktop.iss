; Inno Setup script for the Windows installer of Dropship Desktop (一件代发助手).
;
; Build on Windows after `uv run pyinstaller build.spec`:
;     iscc /DAppVersion=0.1.0 installer\dropship-desktop.iss
; (packaging\build_windows.ps1 does both and passes the version from pyproject.toml.)
;
; Per-user install, no administrator rights: everything goes under %LOCALAPPDATA%\Programs.
; The seller's data (database, backups, logs) lives in %LOCALAPPDATA%\DropshipDesktop and is kept
; on uninstall unless the seller ticks the box to remove it.
;
; Chinese Simplified messages: Inno Setup 6.5+ ships ChineseSimplified.isl among its official
; translations; on an older Inno Setup, copy that file into its Languages folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Dropship Desktop"
#define AppNameZh "一件代发助手"
#define AppExe "dropship-desktop.exe"
#define DataDirName "DropshipDesktop"

[Setup]
AppId={{7C1D8E2A-4B6F-4E8B-9B7D-2F1A6C3E5D90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=dropship-desktop-{#AppVersion}-setup
SetupIconFile=..\build\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle={#AppNameZh}
english.AppTitle={#AppName}
chinesesimplified.RemoveData=同时删除我的数据（订单数据库、备份和日志）？此操作无法撤销。
english.RemoveData=Also delete my data (order database, backups and logs)? This cannot be undone.
chinesesimplified.ConsoleShortcut=诊断控制台
english.ConsoleShortcut=Diagnostics console

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\dropship-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:AppTitle} — {cm:ConsoleShortcut}"; Filename: "{app}\dropship-desktop-console.exe"; Parameters: "--self-test"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#DataDirName}');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
