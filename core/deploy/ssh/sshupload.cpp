// SshHost::upload over one SFTP session per host, and the upload-then-rename that deploys use.
#include "sshhost.h"

#include "core/deploy/shellquote.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>

namespace topolab::core {

namespace {

std::string sftpProblem(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return "its directory does not exist";
    case SSH_FX_PERMISSION_DENIED:
        return "permission denied";
    case SSH_FX_FILE_ALREADY_EXISTS:
        return "it already exists";
    case SSH_FX_WRITE_PROTECT:
        return "the file system is read-only";
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
        return "the connection was lost";
    case SSH_FX_OP_UNSUPPORTED:
        return "the SFTP server does not support this";
    case SSH_FX_FAILURE:
        return "the host refused (a directory at that path, or a full disk?)";
    default:
        return "SFTP error " + std::to_string(code);
    }
}

std::string sftpHint(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return "create the directory first, or check the host's root in the inventory";
    case SSH_FX_PERMISSION_DENIED:
    case SSH_FX_WRITE_PROTECT:
        return "log in as a user that may write there (user in the inventory)";
    default:
        return "check the path and the free space on the host";
    }
}

} // namespace

void SshHost::openSftp()
{
    if (mSftp)
        return;
    mSftp = sftp_new(mSession);
    if (!mSftp)
        fail("cannot open an SFTP session on " + endpoint() + ": " + lastError(),
             "check that the host's sshd has an sftp Subsystem");
    if (sftp_init(mSftp) != SSH_OK) {
        const int code = sftp_get_error(mSftp);
        sftp_free(mSftp);
        mSftp = nullptr;
        fail("cannot start SFTP on " + endpoint() + ": " + lastError() + " (" + sftpProblem(code)
                 + ")",
             "check that the host's sshd has an sftp Subsystem");
    }
}

void SshHost::upload(const std::string &path, const std::string &content, unsigned mode)
{
    connect();
    checkCancelled("uploading");
    openSftp();
    const auto failed = [&](const char *doing) {
        const int code = sftp_get_error(mSftp);
        const std::string error = lastError();
        if (code == SSH_FX_NO_CONNECTION || code == SSH_FX_CONNECTION_LOST
            || !ssh_is_connected(mSession))
            disconnect();
        fail(std::string("cannot ") + doing + " " + path + ": " + sftpProblem(code)
                 + (error.empty() ? "" : " (" + error + ")"),
             sftpHint(code));
    };

    const mode_t fileMode = static_cast<mode_t>(mode & 07777);
    sftp_file file = sftp_open(mSftp, path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, fileMode);
    if (!file)
        failed("create");
    // An existing file keeps its old mode through O_TRUNC, and a new one loses what the
    // server's umask takes away: set the mode while the file is still empty.
    if (sftp_chmod(mSftp, path.c_str(), fileMode) != SSH_OK) {
        sftp_close(file);
        failed("set the mode of");
    }
    constexpr std::size_t chunk = 32 * 1024;
    for (std::size_t at = 0; at < content.size();) {
        if (mOptions.cancel && mOptions.cancel->load()) {
            sftp_close(file);
            fail("cancelled while uploading " + path);
        }
        const std::size_t n = std::min(chunk, content.size() - at);
        const ssize_t wrote = sftp_write(file, content.data() + at, n);
        if (wrote <= 0) {
            sftp_close(file);
            failed("write");
        }
        at += static_cast<std::size_t>(wrote);
    }
    if (sftp_close(file) != SSH_OK)
        failed("finish writing");
}

void replaceAtomically(RemoteHost &host, const std::string &path, const std::string &content,
                       unsigned mode)
{
    const std::string temporary = path + ".tmp";
    host.upload(temporary, content, mode);
    const CommandResult moved = host.run(shellCommand({"mv", "-f", "--", temporary, path}), {}, 30);
    if (!moved.ok())
        throw DeployError(host.name(),
                          "cannot move " + temporary + " over " + path + ": "
                              + (moved.err.empty()
                                     ? "exit status " + std::to_string(moved.exitStatus)
                                     : moved.err),
                          "check the permissions of the directory on the host");
}

} // namespace topolab::core
